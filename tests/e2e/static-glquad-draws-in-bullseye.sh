. "$(dirname "$0")/common.inc"
roots
gl_check bullseye-mesa "$SAMPLES/glquad/static-glquad" 20.3
