#!/bin/sh
# The shape of the code: import cycles in src/ui, long functions and files, literals
# outside style.rs, parameters per widget function. `--check` fails on a cycle or a fn over 100 lines.
exec python3 "$(dirname "$0")/code_shape.py" "$@"
