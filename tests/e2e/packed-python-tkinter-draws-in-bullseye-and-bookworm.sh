. "$(dirname "$0")/common.inc"
# trixie's python3.13, packed alone, opens a tkinter window in bullseye (no
# python, no Tcl) and on this Debian 12 (whose Tcl/Tk is another build):
# onebin deploys the standard library with _tkinter, and Tcl's and Tk's
# script libraries with TCL_LIBRARY and TK_LIBRARY (without them: "Can't find
# a usable init.tcl"). The window must look as trixie's unpacked python draws it.
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/python3.13" "$t/python3.run" --root "$apps" --explain
grep -q '^tcl    scripts  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
grep -q '^tk     scripts  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
code='import tkinter
root = tkinter.Tk(className="PackedTk")
root.geometry("400x300+0+0")
canvas = tkinter.Canvas(root, width=400, height=250, highlightthickness=0)
for i in range(80):
    canvas.create_rectangle(i * 5, 0, i * 5 + 5, 250, width=0, fill="#%02x%02x%02x" % (i * 3, 255 - i * 3, 128))
canvas.pack()
tkinter.Label(root, text="tkinter in a packed python").pack()
root.mainloop()'
draws_like_unpacked "$t/python3.run" Packedtk python3.13 -c "$code"
