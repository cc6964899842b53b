. "$(dirname "$0")/common.inc"
trixie_samples "$t"
gl_check bullseye-mesa "$t/glquad.run" 20.3
