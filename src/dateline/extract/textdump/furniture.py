"""Generic page furniture: the kinds of lines every news site prints around an article.

These patterns name what a line *is* on any page (a caption, a credit, a share
button, a tag line), never what one site or one article says. Each returns a
label; captions and credits also give the text to keep as media.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_date, is_relative_time
from .lines import Line, is_separator

_I = re.I

# "Image caption,..." "Video caption: ..." "Add text to the video,..." (machine-translated caption labels)
_CAPTION = re.compile(
    r"^(?:(?P<label>(?:(?:image|photo|picture|video|media|graphic|gallery)\s*)?(?:caption|description|legend)"
    r"|(?:add\s+)?text\s+(?:to|for)\s+the\s+(?:video|image|picture|photo)"
    r"|(?:image|photo|picture|video)\s+(?:text|note|title))\s*[,:，：]"
    r"|(?P<bare>(?:image|photo|picture|video|media)\s+caption)\s)\s*(?P<text>.*)$",
    _I,
)
# "image source,Getty Images" "Photo: Jane Doe, AP" "Credit: ..." "Image copyright Agency"
_CREDIT = re.compile(
    r"^(?:(?P<label>(?:(?:image|photo|picture|video|media|graphic)\s*)?(?:source|credits?|courtesy|copyright)"
    r"|(?:image|photo|picture|video|photograph)(?:\s+by)?|photos?)\s*[,:，：\-–]"
    r"|(?P<bare>(?:image|photo|picture|video|media)\s+(?:copyright|source|credit))\s)\s*(?P<text>.{2,120})$",
    _I,
)
# 'Officials inspect the dam on Monday Credit: Jane Doe/Agency': a caption that ends with its credit
_CAPTION_WITH_CREDIT = re.compile(
    r"^(?P<caption>.{10,}?)\s*(?:[|,]\s*)?(?:photo\s*)?(?:credit|photo|picture|image)s?\s*:\s*(?P<credit>[^.:]{2,80})$"
    # '... in Montecito, California. (Photo by Jane Doe/Agency)'
    r"|^(?P<caption_p>.{10,}?[.!?])\s*\((?:photo|image|picture)s?\s+(?:by|courtesy\s+of)\s+(?P<credit_p>[^()]{2,100})\)$",
    _I,
)
# a bare agency credit line: "Getty Images", "AFP", "Reuters/John Smith", "AP Photo/..."
_AGENCY = re.compile(
    r"^(?:getty\s*images?|afp|reuters|ap|ap\s+photo|epa|shutterstock|alamy|pa(?:\s+media)?|xinhua|efe|ansa|dpa"
    r"|istock(?:photo)?|bloomberg|corbis)(?:\s*(?:/|via|,)\s*.{0,60})?$",
    _I,
)
_PLAYER = re.compile(
    r"(?:does not|doesn't|cannot|can't|unable to)\s+(?:support\s+)?(?:play|playing|display|load)"
    r"|(?:media|video|audio)\s+player|enable\s+javascript|javascript\s+(?:is\s+)?(?:required|disabled)"
    r"|^(?:play|watch|listen)(?:\s+(?:video|now|audio))?\s*[:,]?$"
    r"|^\d{1,2}:\d\d(?::\d\d)?$|^(?:duration|video duration)\s*[,:]",
    _I,
)
_TAGS = re.compile(r"^(?:tags?|keywords?|topics?|filed\s+under|categor(?:y|ies)|labels?)\s*[:：]\s*(?P<text>.*)$", _I)
_NEXT = re.compile(
    r"^(?:NEXT|PREVIOUS|PREV)\b|^(?:next|previous|read next|up next|next (?:article|story|post)"
    r"|previous (?:article|story|post)|older post|newer post)\s*[:：>»›]",
    0,
)
_NEXT_WORDS = re.compile(r"^(?:next|previous|read next|up next|next (?:article|story|post)|previous (?:article|story|post)"
                         r"|older posts?|newer posts?)$", _I)
_LANGUAGE_NOTE = re.compile(
    r"^(?:this|the)\s+(?:article|story|page|text|original)\s+(?:is|was)\s+(?:(?:originally\s+)?(?:written|published|available)\s+)?in\s+\w+"
    r"|^(?:read|see)\s+(?:this|the)\s+(?:article|story)\s+in\s+\w+"
    r"|^(?:translated|machine[- ]translated)\s+(?:from|by)\b",
    _I,
)
# 'shares' alone is a share counter only as a line of its own ('1.2K shares'); in a heading it is
# stock ('Carmaker shares fall') or a verb ('Mayor shares plans')
_SHARE = re.compile(
    r"^(?:[\d.,]+\s*[km]?\s+)?shares$|\b(?:share|tweet|retweet|e-?mail|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram"
    r"|copy\s+link|save|bookmark|flipboard|messenger|sms)\b",
    _I,
)
_SUBSCRIBE = re.compile(
    r"\b(?:subscribe|subscription|subscriber|sign\s*(?:in|up)|log\s*(?:in|out)|register|newsletter|my\s+account"
    r"|create\s+(?:an\s+)?account|already\s+a\s+subscriber|free\s+trial|paywall|donate)\b",
    _I,
)
# the second-person call to action of a sign-up box: 'Subscribe to our newsletter', 'Sign up for ...'
_PROMPT = re.compile(r"\b(?:our|your|you|now|today|here|free)\b|\bsubscribe\b", _I)
# 'Follow us on Twitter and Facebook.', 'Like The Daily on Facebook'
_FOLLOW = re.compile(
    r"^(?:follow|like|join|find|connect\s+with)\s+(?:\S+\s+){0,3}?on\s+(?:\S+\s+){0,2}?"
    r"(?:facebook|twitter|instagram|youtube|linkedin|tiktok|threads|bluesky|mastodon|telegram|whatsapp)\b",
    _I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|terms (?:of|and) (?:use|service)"
                        r"|privacy (?:policy|notice)|cookie", _I)
_LEGAL = re.compile(
    r"©|\ball rights reserved\b|\bsubject to copyright\b"
    r"|\bmay not be (?:re)?(?:published|produced|reproduced|broadcast|rewritten|redistributed)\b",
    _I,
)
# the heading of a comment section: 'Comments', '[ 167 comments ]', 'Top Rated Comments', 'Reader replies'
_COMMENTS = re.compile(
    r"^[\[(]?\s*(?:\d+\s+)?(?:(?:top|most|best|highest|latest|newest|oldest|recent|readers?|readers'|user|all|featured)"
    r"\s+(?:rated\s+|liked\s+)?)?(?:comments?|responses?|replies|reactions?)(?:\s+(?:to|on)\b.*)?\s*[\])]?$"
    r"|^(?:leave|post|add|write)\s+(?:a\s+|your\s+)?(?:comment|reply|response)"
    r"|^(?:show|view|load|see|read)\s+(?:all\s+|more\s+)?\d*\s*(?:comments?|replies)"
    r"|\bcomments?\s+(?:are|is)\s+closed|^join\s+the\s+(?:discussion|conversation)",
    _I,
)
# the line over one comment of a thread: a short name and 'says:' ('jbaxt says:'), or a name with the
# comment's date and time ('Jane Doe on March 3, 2019 at 4:12 pm said:', the blog software's form)
_COMMENT_HEADER = re.compile(
    r"^\S.{0,40}\s(?:says|said|wrote|writes)\s*:$"
    r"|^\S.{0,100}\s\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?\s+(?:says|said|wrote|writes)\s*:$",
    _I,
)
_CONTROLS = re.compile(r"^(?:reply|report(?:\s+(?:comment|abuse))?|like\s*\(\d+\)|flag|permalink|quote)$", _I)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|posts|news|content|links|coverage|topics|reading))?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be interested)|more\s+(?:from|on|in|stories|news|articles)\b.*"
    r"|recommended(?:\s+for\s+you)?|read\s+more|see\s+also|most\s+(?:read|popular|viewed|shared|commented|emailed)"
    r"|explore\s+further|about\s+the\s+authors?|further\s+reading|trending(?:\s+now)?|popular(?:\s+(?:now|posts|stories))?|latest(?:\s+(?:news|stories|posts))?|top\s+stories"
    r"|what\s+to\s+read\s+next|around\s+the\s+web|from\s+around\s+the\s+web|sponsored\s+(?:content|stories|links)"
    r"|promoted\s+stories)(?:\s+(?:in|on|from|about|for)\s+\S+(?:\s+\S+){0,3})?\s*[:.]?$",
    _I,
)
_BANNER = re.compile(r"^(?:breaking(?:\s+news)?|live|exclusive|menu|search|home|skip to (?:main )?content"
                     r"|(?:continue|continues)\s+reading(?:\s+below)?|(?:story|article)\s+continues(?:\s+below)?"
                     r"|back to top|close|open|more|loading\.*|advertisement|advert|ad|sponsored|promoted)\s*$", _I)

# a gallery caption with its show-more/show-less toggle: '... in Los Angeles on Tuesday. less'
_TOGGLE = re.compile(r"(?:(?<=[.!?])\s+less|(?:\.\.\.|…)\s*more)$", _I)
_GALLERY = re.compile(
    r"^(?:(?:image|photo|picture|slide|video)s?\s+\d+\s*(?:of|/)\s*\d*|\d+\s*/\s*\d+"
    r"|(?:back\s+to|view|open|see|launch)\s+(?:the\s+)?(?:gallery|slideshow|photos)|\d+\s+(?:photos|images|pictures))\s*$",
    _I,
)
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:-|to)?\s*\d*\s*(?:min|mins|minutes?|minutos?|minuten)\.?\s+(?:read|reading|de\s+lectura|de\s+leitura|lesezeit)"
    r"|(?:reading\s+time|read\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|lesezeit|temps\s+de\s+lecture)\b.*)$",
    _I,
)
# 'Published: ...', 'Edited by: ...', 'Subjects: ...': the record card of a page, not its text
_METADATA = re.compile(
    r"^(?:published|updated|posted|last\s+(?:updated|modified)|(?:\w+\s+){0,2}by|subjects?|sections?"
    r"|categor(?:y|ies)|sources?|filed|posted\s+in|citation|researchers?|editors?|authors?|reporters?|contributors?)"
    r"\s*[:：]",
    _I,
)
_DATE_WORDS = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*"
    r"|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|am|pm|a\.m|p\.m|at|on|gmt|utc|[a-z]st|[a-z]dt"
    r"|updated|published|posted)\b",
    _I,
)


def _few_words_besides_date(text: str) -> bool:
    """A line that is a date and little else: 'Tuesday November 19, 2019', 'Updated 6:42 p.m., Nov. 3, 2025'."""
    rest = _DATE_WORDS.sub(" ", text)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


# labels that close the article: what follows them is rarely its body
END_MARKERS = frozenset({"comments", "comment_header", "related", "next", "copyright", "language_note"})
MEDIA_LABELS = frozenset({"caption", "credit", "player", "gallery"})


@dataclass
class Furniture:
    label: str
    text: str | None = None  # the caption, credit or tag text when the label carries one
    media_kind: str = "image"
    credit: str | None = None  # a caption's own credit ('... Credit: Agency')


def furniture(line: Line) -> Furniture | None:
    """What kind of page furniture a line is, or None for a line that may be article text."""
    text = line.text
    if is_separator(text):
        return Furniture("separator")
    m = _CAPTION.match(text)
    if m:
        return Furniture("caption", m.group("text").strip() or None, _media_kind(m.group("label") or m.group("bare")))
    if _TOGGLE.search(text) and not line.bullet:
        return Furniture("caption", _TOGGLE.sub("", text).strip() or None)
    m = _CAPTION_WITH_CREDIT.match(text)
    if m and line.words <= 60:
        caption, credit = m.group("caption") or m.group("caption_p"), m.group("credit") or m.group("credit_p")
        return Furniture("caption", caption.strip(), credit=credit.strip())
    short = line.words <= 14
    if short:
        m = _CREDIT.match(text)
        if m and not line.ends_sentence:
            return Furniture("credit", m.group("text").strip(), _media_kind(m.group("label") or m.group("bare")))
        if _AGENCY.match(text):
            return Furniture("credit", text)
        if _PLAYER.search(text):
            return Furniture("player", None, "video")
        if _GALLERY.match(text):
            return Furniture("gallery")
        if _READING_TIME.search(text):
            return Furniture("reading_time")
        if is_relative_time(text):
            return Furniture("relative_time", text)
        if _METADATA.match(text):
            return Furniture("metadata", text)
        if line.words <= 10 and find_date(text) is not None and _few_words_besides_date(text):
            return Furniture("date", text)
    if _LEGAL.search(text):
        return Furniture("copyright")
    m = _TAGS.match(text)
    if m and line.words <= 40:
        return Furniture("tags", m.group("text").strip())
    if line.words <= 25 and _NEXT.match(text):
        return Furniture("next")
    if not short:
        return None
    if _NEXT_WORDS.match(text):
        return Furniture("next")
    if _LANGUAGE_NOTE.match(text):
        return Furniture("language_note")
    if _COMMENT_HEADER.match(text):
        return Furniture("comment_header")
    if _COMMENTS.search(text):
        return Furniture("comments")
    if _CONTROLS.match(text):
        return Furniture("controls")
    if _RELATED.match(text):
        return Furniture("related")
    if _COPYRIGHT.search(text) and not line.ends_sentence:
        return Furniture("copyright")
    if _FOLLOW.search(text):
        return Furniture("share")
    if _SUBSCRIBE.search(text) and (line.words <= 8 or _PROMPT.search(text)):
        return Furniture("subscribe")
    if line.words <= 8 and not line.ends_sentence:
        if _SHARE.search(text):
            return Furniture("share")
        if _BANNER.match(text):
            return Furniture("banner")
    return None


def _media_kind(label: str) -> str:
    label = label.lower()
    if "video" in label:
        return "video"
    return "image"
