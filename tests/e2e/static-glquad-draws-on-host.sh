. "$(dirname "$0")/common.inc"
file -b "$SAMPLES/glquad/static-glquad" | grep -q 'statically linked' || fail "static-glquad is not static"
gl_check host "$SAMPLES/glquad/static-glquad" 22.3
