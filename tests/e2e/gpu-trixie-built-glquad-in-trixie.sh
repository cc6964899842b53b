. "$(dirname "$0")/common.inc"
trixie_samples "$t"
gl_check trixie "$t/glquad.run" 25.
