import gc
import os
import sys

# A short-lived command: its garbage goes with the process. The cyclic collector would
# otherwise pass over every imported module and loaded record some seventy times during an
# export (about 45 ms); bulk work elsewhere already pauses it (bulk.paused_gc).
gc.disable()

from .cli import main  # noqa: E402

code = main()
# Leave without tearing the interpreter down object by object (about 0.1 s after an export).
# Everything the command wrote is closed by now; only the standard streams still hold
# buffered output.
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:
    pass
os._exit(code)
