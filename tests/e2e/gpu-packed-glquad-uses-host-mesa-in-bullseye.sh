. "$(dirname "$0")/common.inc"
roots
pack "$SAMPLES/glquad/glquad" "$t/glquad.run"
gl_check bullseye-mesa "$t/glquad.run" 20.3
