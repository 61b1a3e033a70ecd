"""A client generated from /openapi.json, used the way an importer's integration would use it.

check.sh generates the package `caatsa_screen_client` with openapi-python-client and runs this
file against a running server: it posts the demo manifest (as JSON and as a CSV upload), reads a
flag's evidence through the generated types, reads the stored screening back, records a
decision, searches the watchlist and drafts a tip, with an API key (AuthenticatedClient). Any field
the document types wrongly fails here: the generated `from_dict` raises on a missing required
field, and the enums raise on a value the document does not list.

Usage: python client_test.py BASE_URL DEMO_MANIFEST.json DEMO_MANIFEST.csv API_KEY
"""

import json
import sys
from pathlib import Path

from caatsa_screen_client import AuthenticatedClient
from caatsa_screen_client.api.indicators import search, summary
from caatsa_screen_client.api.records import create_decision, get_screening, list_screenings
from caatsa_screen_client.api.screenings import create_screening
from caatsa_screen_client.api.tips import create_tip
from caatsa_screen_client.models import (
    CreateTipFormat,
    DecisionKind,
    DecisionRequest,
    EvidenceKind,
    FlagCode,
    KbView,
    ManifestDocument,
    ManifestUpload,
    Regime,
    Screening,
    SearchAnswer,
    Tier,
    TipDraft,
    TipRequest,
    Verdict,
)
from caatsa_screen_client.types import File


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def flagged_evidence(screening):
    """The first flag with evidence: (line result, flag, evidence)."""
    for result in screening.results:
        for flag in result.flags:
            if flag.evidence:
                return result, flag, flag.evidence[0]
    raise AssertionError("the demo manifest produced no flag with evidence")


def main(base_url, json_path, csv_path, key):
    client = AuthenticatedClient(
        base_url=base_url, token=key, raise_on_unexpected_status=True, timeout=120
    )

    document = ManifestDocument.from_dict(json.loads(Path(json_path).read_text()))
    screening = create_screening.sync(client=client, body=document)
    check(isinstance(screening, Screening), f"POST /v1/screenings answered {screening!r}")
    check(screening.summary.lines == len(screening.results), "summary.lines counts the results")
    result, flag, evidence = flagged_evidence(screening)
    check(isinstance(result.verdict, Verdict), "verdict is the Verdict enum")
    check(isinstance(flag.code, FlagCode), "flag code is the FlagCode enum")
    check(all(isinstance(r, Regime) for r in flag.regimes), "regimes are the Regime enum")
    check(isinstance(evidence.kind, EvidenceKind) and isinstance(evidence.tier, Tier), "typed evidence")
    # Evidence names its source by id; the document's `sources` table gives it once.
    source = screening.sources[evidence.source]
    check(source.url.startswith("http"), f"evidence source {evidence.source} has a URL: {source!r}")
    # A flag names its law by id: the `laws` table gives the regime, guidance and legal basis.
    law = screening.laws[flag.law[0]]
    check(law.regime == flag.regimes[0] and law.guidance, f"law {flag.law[0]} is listed: {law!r}")
    if evidence.note:
        check(screening.notes[evidence.note], f"note {evidence.note} is listed")
    basis = law.legal_basis[0]
    quoted = screening.legal_texts[basis.id]
    check(quoted.citation == basis.citation and quoted.text, f"cited text {basis.id} is quoted: {quoted!r}")
    stored = get_screening.sync(id=screening.screening_id, client=client)
    check(stored.screening.results == screening.results, "GET /v1/screenings/{id} returns the result")
    listed = list_screenings.sync(client=client, limit=1)
    check(listed.screenings[0].screening_id == screening.screening_id, "the newest is listed first")
    position = screening.results.index(result) + 1
    decided = create_decision.sync(
        id=screening.screening_id,
        line=position,
        client=client,
        body=DecisionRequest(flag=flag.code.value, decision=DecisionKind.ESCALATED, note="contract check"),
    )
    check(decided.decided_by == "contract", f"the decision records the key's name: {decided!r}")
    print(
        f"JSON manifest: {screening.summary.lines} lines; {result.shipment_id} line {result.line} "
        f"is {result.verdict.value}: {flag.code.value} ({evidence.tier.value}) matched "
        f"{evidence.matched!r} from {source.title} ({source.date})"
    )

    upload = ManifestUpload(
        file=File(payload=Path(csv_path).open("rb"), file_name=Path(csv_path).name, mime_type="text/csv")
    )
    from_csv = create_screening.sync(client=client, body=upload)
    check(isinstance(from_csv, Screening), f"multipart upload answered {from_csv!r}")
    check(from_csv.summary.lines > 0, "the CSV upload screened lines")
    print(f"CSV upload: {from_csv.summary.lines} lines, {len(from_csv.errors)} row errors")

    kb = summary.sync(client=client)
    check(isinstance(kb, KbView) and kb.version.id, f"GET /v1/indicators answered {kb!r}")
    answer = search.sync(client=client, q=evidence.matched, limit=5)
    check(isinstance(answer, SearchAnswer) and answer.hits, f"search for {evidence.matched!r} found nothing")
    print(f"search {evidence.matched!r}: best hit {answer.hits[0].entity.name} ({answer.hits[0].score:.3f})")

    request = TipRequest(shipment_id=result.shipment_id, line=result.line, date="2026-12-01")
    request.screening = screening
    response = create_tip.sync_detailed(client=client, body=request, format_=CreateTipFormat.JSON)
    check(response.status_code == 200, f"POST /v1/tips answered {response.status_code}: {response.content[:300]!r}")
    draft = TipDraft.from_dict(json.loads(response.content))
    check(draft.header.screening_ids == [screening.screening_id], "the draft names its screening")
    check(draft.reasons.reasons, "the draft states its reasons")
    print(
        f"tip draft: {len(draft.reasons.reasons)} reason(s) for {len(draft.header.lines)} line(s), "
        f"evidence strength {draft.header.evidence_strength.value}"
    )
    print("generated client: OK")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
