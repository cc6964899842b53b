. "$(dirname "$0")/common.inc"
# trixie's gst-launch-1.0, packed alone, plays videotestsrc into ximagesink
# in bullseye (a desktop's X libraries, no GStreamer) and on this Debian 12
# (whose own GStreamer 1.22 must not load): onebin deploys GStreamer's
# plugins and plugin scanner (it failed with 'no element "videotestsrc"').
# The test pattern must look as trixie's unpacked gst-launch draws it.
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/gst-launch-1.0" "$t/gst.run" --root "$apps" --explain
grep -q '^gst    plugin scanner  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
pipeline=(videotestsrc pattern=colors ! video/x-raw,width=400,height=300 ! ximagesink)
no_missing_element() { ! grep -q 'no element\|erroneous pipeline' "$t/app.out" || fail "in $1: $(cat "$t/app.out")"; }
check=no_missing_element
draws_like_unpacked "$t/gst.run" GStreamer gst-launch-1.0 "${pipeline[@]}"
