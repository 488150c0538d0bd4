"""How a frame (intent, threat, refusal, demand, appeal) changes the code of the act it governs.

CAMEO mirrors its cooperative acts in the intent (03), appeal (02), demand (10) and reject (12)
categories with the same third digit: material cooperation 1, diplomatic cooperation 2, aid 3,
political reform 4, yielding 5, meeting 6, settling 7, mediation 8. Threats (13) mirror the hostile
acts. These tables follow that structure of the codebook.
"""

from __future__ import annotations

from .codebook import is_cooperative

# act code prefix -> the third (and fourth) digit in 02x/03x/10x/12x, most specific prefix first
_MIRROR: tuple[tuple[str, str], ...] = (
    ("0611", "11"), ("061", "11"), ("062", "12"), ("063", "13"), ("064", "14"), ("06", "1"),
    ("057", "7"), ("05", "2"),
    ("071", "31"), ("072", "32"), ("073", "33"), ("074", "34"), ("075", "3"), ("07", "3"),
    ("0831", "41"), ("0832", "42"), ("0833", "43"), ("0834", "44"), ("083", "4"),
    ("081", "51"), ("082", "52"), ("084", "53"), ("085", "54"), ("086", "55"), ("087", "56"), ("08", "5"),
    ("045", "8"), ("04", "6"),
)
# for rejections (12x) the digits differ from the appeal/intent pattern
_REJECT: tuple[tuple[str, str], ...] = (
    ("061", "1211"), ("062", "1212"), ("063", "1213"), ("064", "1214"), ("06", "121"),
    ("071", "1221"), ("072", "1222"), ("073", "1223"), ("074", "1224"), ("07", "122"),
    ("0831", "1231"), ("0832", "1232"), ("0833", "1233"), ("0834", "1234"), ("083", "123"),
    ("081", "1241"), ("082", "1242"), ("084", "1243"), ("085", "1244"), ("086", "1245"), ("087", "1246"),
    ("08", "124"), ("045", "126"), ("04", "125"), ("057", "127"), ("03", "120"),
)
# hostile act prefix -> threat code
_THREAT: tuple[tuple[str, str], ...] = (
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"), ("166", "136"),
    ("16", "131"),
    ("1721", "1321"), ("1722", "1322"), ("1723", "1323"), ("1724", "1324"), ("17", "132"),
    ("175", "137"), ("171", "130"),
    ("14", "133"), ("15", "138"),
    ("191", "1381"), ("192", "1382"), ("18", "1383"), ("19", "1384"), ("20", "1385"),
    ("12", "130"), ("11", "130"), ("10", "130"), ("13", ""),
)


def _find(table: tuple[tuple[str, str], ...], code: str) -> str | None:
    best = None
    for prefix, value in table:
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, value)
    return None if best is None else best[1]


def threat(act: str | None) -> str:
    """A threat to do ``act``: "163" (sanctions) -> "1312"."""
    if act is None:
        return "130"
    found = _find(_THREAT, act)
    if found == "":
        return act  # already a threat
    return found or "130"


def intent(act: str | None) -> str:
    """Stated intent to do ``act``: cooperation -> 03x, hostility -> a threat 13x, words stay as they are."""
    if act is None:
        return "030"
    if act[:2] in ("01", "02", "03", "09", "10", "11", "12", "13"):
        # words stay words, and an investigation to come is still one (CAMEO has no intent to
        # investigate; PLOVER: ACCUSE, investigate): "said it would investigate the contracts"
        return act
    if is_cooperative(act):
        mirror = _find(_MIRROR, act)
        return "03" + mirror if mirror else "030"
    return threat(act)


def refuse(act: str | None) -> str:
    """Refusal to do ``act``: "04" (meet) -> "125"; a refusal to do something hostile is a plain rejection."""
    if act is None:
        return "120"
    return _find(_REJECT, act) or "120"


def _ask(prefix: str, act: str | None) -> str:
    if act is None or not is_cooperative(act):
        return prefix + "0"
    mirror = _find(_MIRROR, act)
    return prefix + (mirror or "0")


def demand(act: str | None) -> str:
    """A demand that the target do ``act``: aid -> "103", yielding -> "105", meeting -> "106"."""
    return _ask("10", act)


def appeal(act: str | None) -> str:
    """An appeal to the target to do ``act``: "02x", coded REQUEST."""
    return _ask("02", act)


def prepare(act: str | None) -> str | None:
    """Preparing a hostile act is a show of force (15); preparing a cooperative one, an intent (03)."""
    if act is None:
        return None
    return "150" if act[:2] in ("17", "18", "19", "20") else intent(act)


def allege(act: str | None) -> str:
    """An accusation of ``act``: of aggression (hostile force) 1123, of human rights abuse (repression,
    torture, expulsion) 1122, otherwise a plain accusation 112."""
    if act is None:
        return "112"
    if act[:2] in ("18", "19", "20") or act.startswith("15"):
        return "1122" if act.startswith(("1822", "175", "201", "202", "203")) else "1123"
    if act.startswith(("172", "173", "174", "175")):
        return "1122"
    return "112"


COMPOSE = {"intent": intent, "threat": threat, "refuse": refuse, "demand": demand, "appeal": appeal,
           "prepare": prepare, "allege": allege}
