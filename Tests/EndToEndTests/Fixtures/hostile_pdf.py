#!/usr/bin/env python3
"""Hostile variants of a bk PDF, written as an attacker would: an incremental update that
replaces the attached overzicht.json, or points many names at one stream.

  hostile_pdf.py double-flate IN OUT   overzicht.json as 1 GiB of zeros, Flate-compressed twice
  hostile_pdf.py lying-size IN OUT     overzicht.json inflating to 300 MiB, declaring its old size
  hostile_pdf.py same-stream IN OUT    2000 attached names that all point at overzicht.json's stream
  hostile_pdf.py content-bomb IN OUT   page 1's content as 512 MiB of zeros, Flate-compressed
  hostile_pdf.py open-action IN OUT    JavaScript run when the PDF opens (/OpenAction)
  hostile_pdf.py annotation IN OUT     a link over all of page 1 (/Annots)
  hostile_pdf.py producer IN OUT       /Producer naming another bk, cairo and pango
  hostile_pdf.py run PROGRAM ARGS...   runs PROGRAM; prints its exit status and peak RSS in KiB
"""
import re
import resource
import subprocess
import sys
import zlib


def deflate_zeros(total, chunk=1 << 20):
    compressor = zlib.compressobj(9)
    zeros = bytes(chunk)
    parts = [compressor.compress(zeros) for _ in range(total // chunk)]
    parts.append(compressor.flush())
    return b"".join(parts)


def overview_object(pdf):
    match = re.search(rb"(\d+) 0 obj\s*<<[^\n]*?/Subtype /application#2fjson[^\n]*?/Size (\d+)", pdf)
    if match is None:
        match = re.search(rb"(\d+) 0 obj\s*<< /Params << /Size (\d+) >> /Subtype /application#2fjson", pdf)
    return int(match.group(1)), int(match.group(2))


def updated(pdf, objects):
    """`pdf` with an incremental update that (re)defines `objects` ({number: body bytes})."""
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)", pdf, re.S)[-1]
    dictionary, previous = trailer
    size = int(re.search(rb"/Size (\d+)", dictionary).group(1))
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    kept = re.sub(rb"/Size \d+", b"/Size %d" % max(size, max(offsets) + 1), dictionary)
    out += b"trailer\n<<" + kept + b" /Prev " + previous + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(dictionary, data):
    return dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def object_body(pdf, number):
    return re.findall(rb"\n%d 0 obj\s*(<<.*?>>)\s*endobj" % number, pdf, re.S)[-1]


def with_entry(body, entry):
    """A dictionary object's body with one more entry before its closing `>>`."""
    return body[: body.rindex(b">>")] + b" " + entry + b" >>"


def first_page(pdf):
    return int(re.search(rb"\n(\d+) 0 obj\s*<<[^\n]*?/Type /Page\b(?!s)", pdf).group(1))


def main():
    mode = sys.argv[1]
    if mode == "run":
        status = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return
    pdf = open(sys.argv[2], "rb").read()
    number, declared = overview_object(pdf)
    head = b"<< /Type /EmbeddedFile /Subtype /application#2fjson /Params << /Size %d >>" % declared
    if mode == "double-flate":
        data = zlib.compress(deflate_zeros(1 << 30), 9)
        objects = {number: stream(head + b" /Filter [ /FlateDecode /FlateDecode ]", data)}
    elif mode == "lying-size":
        objects = {number: stream(head + b" /Filter /FlateDecode", deflate_zeros(300 << 20))}
    elif mode == "same-stream":
        root = int(re.search(rb"/Root (\d+) 0 R", pdf).group(1))
        body = re.search(rb"\n%d 0 obj\s*(<<.*?>>)\s*endobj" % root, pdf, re.S).group(1)
        spec = b"<< /AFRelationship /Source /EF << /F %d 0 R /UF %d 0 R >> /Type /Filespec >>" % (number, number)
        names = b" ".join(b"(a%04d.fcid.jws) %s" % (index, spec) for index in range(2000))
        names += b" (overzicht.json) << /AFRelationship /Data /EF << /F %d 0 R >> /Type /Filespec >>" % number
        body = re.sub(rb"/EmbeddedFiles << /Names \[.*?\] >>", lambda _: b"/EmbeddedFiles << /Names [ " + names + b" ] >>", body, flags=re.S)
        objects = {root: body}
    elif mode == "content-bomb":
        page = first_page(pdf)
        content = int(re.search(rb"/Contents (\d+) 0 R", object_body(pdf, page)).group(1))
        objects = {content: stream(b"<< /Filter /FlateDecode", deflate_zeros(512 << 20))}
    elif mode == "open-action":
        root = int(re.search(rb"/Root (\d+) 0 R", pdf).group(1))
        objects = {root: with_entry(object_body(pdf, root), b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")}
    elif mode == "annotation":
        page = first_page(pdf)
        link = b"<< /Type /Annot /Subtype /Link /Rect [ 0 0 595 842 ] /A << /S /URI /URI (https://example.invalid/) >> >>"
        objects = {page: with_entry(object_body(pdf, page), b"/Annots [ " + link + b" ]")}
    elif mode == "producer":
        info = int(re.findall(rb"/Info (\d+) 0 R", pdf)[-1])
        body = re.sub(rb"/Producer \((?:[^()\\]|\\.)*\)|/Producer <[0-9A-Fa-f]*>", b"/Producer (bk 0.1.0 \\(cairo 1.0.0, pango 1.0.0\\))", object_body(pdf, info))
        objects = {info: body}
    else:
        sys.exit("unknown mode " + mode)
    open(sys.argv[3], "wb").write(updated(pdf, objects))


main()
