. "$(dirname "$0")/common.inc"
trixie_samples "$t"
gl_check host "$t/glquad.run" 22.3
