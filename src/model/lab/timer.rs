//! The countdown timer of a phase, as pure logic: every method takes "now" in seconds from any
//! fixed starting point (the UI passes egui's clock, tests pass numbers), so nothing sleeps.

/// A countdown that can be started, paused, extended and reset, and counts on into overtime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timer {
    /// The time allowed, in seconds (the phase's timebox plus any minutes added).
    pub duration_secs: f64,
    /// Time run before the current start, in seconds.
    elapsed_before_secs: f64,
    /// When the timer was last started, while it runs.
    started_at_secs: Option<f64>,
}

impl Timer {
    /// A stopped timer with `duration_secs` to go.
    pub fn new(duration_secs: u32) -> Self {
        Self {
            duration_secs: f64::from(duration_secs),
            elapsed_before_secs: 0.0,
            started_at_secs: None,
        }
    }

    /// True while the timer counts.
    pub fn is_running(&self) -> bool {
        self.started_at_secs.is_some()
    }

    /// True when it has never been started since the last reset.
    pub fn is_untouched(&self) -> bool {
        !self.is_running() && self.elapsed_before_secs == 0.0
    }

    /// Starts or resumes counting at `now_secs`. Does nothing while running.
    pub fn start(&mut self, now_secs: f64) {
        if self.started_at_secs.is_none() {
            self.started_at_secs = Some(now_secs);
        }
    }

    /// Pauses at `now_secs`, keeping the time run so far. Does nothing while paused.
    pub fn pause(&mut self, now_secs: f64) {
        if let Some(start) = self.started_at_secs.take() {
            self.elapsed_before_secs += (now_secs - start).max(0.0);
        }
    }

    /// Gives the room one more minute (also out of overtime).
    pub fn add_minute(&mut self) {
        self.duration_secs += 60.0;
    }

    /// Stops and goes back to the full `duration_secs`.
    pub fn reset(&mut self, duration_secs: u32) {
        *self = Self::new(duration_secs);
    }

    /// Seconds run so far at `now_secs`.
    pub fn elapsed_secs(&self, now_secs: f64) -> f64 {
        let running = self
            .started_at_secs
            .map_or(0.0, |start| (now_secs - start).max(0.0));
        self.elapsed_before_secs + running
    }

    /// Whole seconds left at `now_secs`, rounded up (so "0:01" shows until time is really up);
    /// negative in overtime, counting the seconds over.
    pub fn remaining_secs(&self, now_secs: f64) -> i64 {
        let left = self.duration_secs - self.elapsed_secs(now_secs);
        if left > 0.0 {
            left.ceil() as i64
        } else {
            -((-left).floor() as i64)
        }
    }

    /// True once the time is up (the room is in overtime).
    pub fn is_overtime(&self, now_secs: f64) -> bool {
        self.elapsed_secs(now_secs) >= self.duration_secs
    }

    /// The time as the room reads it: "7:05" left, or "+1:30" over.
    pub fn display(&self, now_secs: f64) -> String {
        let secs = self.remaining_secs(now_secs);
        if self.is_overtime(now_secs) {
            format!("+{}", clock(secs.unsigned_abs()))
        } else {
            clock(secs.unsigned_abs())
        }
    }

    /// Seconds until the display changes next (for a repaint once a second while running).
    pub fn secs_to_next_tick(&self, now_secs: f64) -> f64 {
        let left = self.duration_secs - self.elapsed_secs(now_secs);
        let frac = left.rem_euclid(1.0);
        if frac < 0.01 { 1.0 } else { frac }
    }
}

/// Seconds as "m:ss", or "h:mm:ss" from an hour.
pub fn clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
