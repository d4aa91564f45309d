"""Reads a page written by `resume html` with Python's own HTML parser,
independent of the writer: prints JSON with each article's language, its
text (in order), its headings, the links, the <link>s of its head, the <time> values, the scripts
and the Content-Security-Policy."""
import json
import sys
from html.parser import HTMLParser


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles = []
        self.stack = []
        self.links = []
        self.times = []
        self.scripts = []
        self.csp = None
        self.images = []
        self.headings = []
        self.in_script = None
        self.ids = []
        self.heads = []
        self.heading_texts = []
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "article":
            self.articles.append({"lang": attrs.get("lang"), "text": []})
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        # What heads what follows: a heading, or a part's title in an entry.
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") or "part-title" in (attrs.get("class") or "").split():
            self.heading_texts.append("")
            self.in_heading = tag
        if tag == "a":
            self.links.append({"href": attrs.get("href"), "rel": attrs.get("rel")})
        if tag == "link":
            self.heads.append({"rel": attrs.get("rel"), "hreflang": attrs.get("hreflang"), "href": attrs.get("href")})
        if tag == "time":
            self.times.append(attrs.get("datetime"))
        if tag == "img":
            self.images.append(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs.get("content")
        if tag == "script":
            self.in_script = {"type": attrs.get("type"), "text": ""}
        if tag in ("p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "address") and self.articles:
            self.articles[-1]["text"].append("\n")

    def handle_endtag(self, tag):
        if tag == self.in_heading:
            self.in_heading = False
        if tag == "script" and self.in_script is not None:
            self.scripts.append(self.in_script)
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.in_script["text"] += data
        elif self.articles:
            self.articles[-1]["text"].append(data)
            if self.in_heading:
                self.heading_texts[-1] += data


reader = Reader()
reader.feed(open(sys.argv[1], encoding="utf-8").read())
for article in reader.articles:
    article["text"] = "".join(article["text"])
print(json.dumps({
    "articles": reader.articles,
    "links": reader.links,
    "times": reader.times,
    "scripts": reader.scripts,
    "csp": reader.csp,
    "images": reader.images,
    "headings": reader.headings,
    "ids": reader.ids,
    "head_links": reader.heads,
    "heading_texts": reader.heading_texts,
}))
