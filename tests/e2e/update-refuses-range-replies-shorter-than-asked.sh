. "$(dirname "$0")/common.inc"
# A server whose replies to range requests are short: the last bytes (the
# trailer) come whole, every other range as 206 with the Content-Range asked
# but half its bytes (signed versions: plain http is allowed). onebin update fails naming the short reply, the old
# version stays as it was and nothing is left beside it.
privlibs_versions "$t"
mkdir "$t/www" "$t/dl"
cat > "$t/short.py" <<'PY'
import http.server, os, re, sys
class Short(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        data = open(os.path.join(sys.argv[1], self.path.lstrip("/")), "rb").read()
        first, last = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers["Range"]).groups()
        if first == "":
            first, last, body = len(data) - int(last), len(data) - 1, data[-int(last):]
        else:
            first, last = int(first), int(last)
            body = data[first:last + 1][: (last - first + 1) // 2]
        self.send_response(206)
        self.send_header("Content-Range", "bytes %d-%d/%d" % (first, last, len(data)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Short)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$t/short.py" "$t/www" > "$t/port" &
server=$!
trap 'kill $server; cleanup' EXIT
for _ in $(seq 100); do [[ -s $t/port ]] && break; sleep 0.1; done
url=http://127.0.0.1:$(cat "$t/port")/app.run
signed_versions "$t/dl/app.run" "$t/www/app.run" "$url"
cp "$t/dl/app.run" "$t/v1.run"
"$ONEBIN" update "$t/dl/app.run" > "$t/out" 2>&1 && fail "updated from short replies: $(cat "$t/out")"
grep -q "error: $t/dl/app.run: not updated: $url: the server sent [0-9]* bytes for the [0-9]* bytes [0-9]*-[0-9]*/[0-9]*" \
  "$t/out" ||
  fail "$(cat "$t/out")"
cmp -s "$t/dl/app.run" "$t/v1.run" || fail "version 1 changed"
[[ $(ls -A "$t/dl") == app.run ]] || fail "left beside it: $(ls -A "$t/dl")"
