import os
import sys

from .cli import main

code = main()
# A short-lived command: leave without tearing the interpreter down object by object (about
# 0.1 s after an export). Everything it wrote is closed by now; only the standard streams
# still hold buffered output.
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:
    pass
os._exit(code)
