. "$(dirname "$0")/common.inc"
roots
gl_check trixie "$SAMPLES/glquad/static-glquad" 25.
