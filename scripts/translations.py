#!/usr/bin/env python3
"""Keeps src/Comptoir/Platform/Localization/Texts.en.resx in step with the French texts used in the code.

The French text is the key. `scripts/translations.py` lists the keys that have no English yet;
`scripts/translations.py add FILE.json` merges {"French": "English"} pairs into the resx, sorted.
The test Every_French_text_has_an_English_translation fails while a key is missing.
"""
import json, re, sys, pathlib
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent
src = root / "src" / "Comptoir"
resx = src / "Platform" / "Localization" / "Texts.en.resx"

def used_keys():
    keys = set()
    for path in list(src.rglob("*.cshtml")) + list(src.rglob("*.cs")):
        if "/obj/" in str(path) or "/bin/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        keys.update(re.findall(r'\b[Tt]\["((?:[^"\\]|\\.)+)"[\],]', text))
        keys.update(re.findall(r'ErrorMessage = "((?:[^"\\]|\\.)+)"', text))
        keys.update(re.findall(r'(?:ConversationActionException|CustomerMergeException)\("((?:[^"\\]|\\.)+)"\)', text))
        if path.name.endswith("Labels.cs"):
            keys.update(re.findall(r'=> "([^"]+)"', text))
        if path.name == "CloseReasons.cs":
            keys.update(re.findall(r'^\s+"([^"]+)",$', text, re.M))
        if path.name == "ContactForm.cshtml.cs":
            keys.update(re.findall(r'\("([^"]+)", "[A-Z_]+"\)', text))
    return keys

def existing():
    if not resx.exists():
        return {}
    text = resx.read_text(encoding="utf-8")
    pairs = re.findall(r'<data name="(.*?)" xml:space="preserve">\s*<value>(.*?)</value>', text, re.S)
    from xml.sax.saxutils import unescape
    q = {"&quot;": '"'}
    return {unescape(k, q): unescape(v, q) for k, v in pairs}

def write(entries):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
             '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
             '  <resheader name="version"><value>2.0</value></resheader>',
             '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
             '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
    q = {'"': "&quot;"}
    for key in sorted(entries, key=str.casefold):
        lines.append(f'  <data name="{escape(key, q)}" xml:space="preserve">')
        lines.append(f"    <value>{escape(entries[key])}</value>")
        lines.append("  </data>")
    lines.append("</root>")
    resx.write_text("\n".join(lines) + "\n", encoding="utf-8")

if __name__ == "__main__":
    entries = existing()
    if len(sys.argv) == 3 and sys.argv[1] == "add":
        entries.update(json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")))
        write(entries)
    missing = sorted(used_keys() - set(entries))
    for key in missing:
        print(key)
    sys.exit(1 if missing else 0)
