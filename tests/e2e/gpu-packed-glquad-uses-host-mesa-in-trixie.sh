. "$(dirname "$0")/common.inc"
roots
pack "$SAMPLES/glquad/glquad" "$t/glquad.run"
gl_check trixie "$t/glquad.run" 25.
