"""Rule codes of the phrase bank schema and templates (CV1xx), with examples.

The loader (``carevoice.bank.loader``, ``_yaml``, ``registry``) and the
template inspector (``carevoice.render``) raise located :class:`BankError`
problems with these codes; ``carevoice lint`` reports them all. Examples are
bank YAML snippets (kind ``"bank"``): each ``flags`` snippet yields the code
when linted, each ``passes`` snippet does not. CV101 is about bank *names*:
its examples are names given to ``load_bank``.
"""

from __future__ import annotations

from carevoice.rules import Rule, register

__all__: list[str] = []

_HEAD = "bank: t\ndisplay_name: T\n"
_OK = _HEAD + "phrases:\n  app_bug:\n    resolve:\n      - id: r1\n        text: \"Which app version are you on?\"\n"


def _phrase(text: str, pid: str = "r1") -> str:
    return f"{_HEAD}phrases:\n  app_bug:\n    resolve:\n      - id: {pid}\n        text: {text!r}\n"


for _rule in (
    Rule("CV100", "bank.invalid_yaml", "error",
         "the file is not a readable, safe YAML mapping (syntax error, Python tag, not UTF-8)",
         kind="bank", flags=(_HEAD + "phrases: [\n", _HEAD + "description: !!python/name:os.system\n"),
         passes=(_OK,)),
    Rule("CV101", "bank.unknown_bank", "error", "no bank of that name on the search path (names the known ones)",
         kind="bank", flags=("parcelpopp",), passes=("parcelpop",)),
    Rule("CV102", "bank.yaml_structure", "error",
         "YAML structure banks do not allow: non-string keys, documents too large (aliases expanded)",
         kind="bank", flags=(_HEAD + "? [a, b]\n: x\n",), passes=(_OK,)),
    Rule("CV103", "bank.duplicate_key", "error", "a mapping repeats a key (YAML would silently keep the last)",
         kind="bank", flags=(_HEAD + "display_name: U\n",), passes=(_OK,)),
    Rule("CV104", "bank.unknown_key", "error", "an unknown key, situation or stage (with a did-you-mean)",
         kind="bank", flags=(_HEAD + "voice:\n  sign_of: \"^X\"\n", _OK.replace("resolve:", "resolv:")),
         passes=(_OK, _HEAD + "voice:\n  sign_off: \"^X\"\n")),
    Rule("CV105", "bank.wrong_type", "error", "a value of the wrong type or outside its allowed values",
         kind="bank", flags=(_HEAD + "voice:\n  formality: posh\n", _HEAD + "channels: [x, twiter]\n"),
         passes=(_HEAD + "voice:\n  formality: formal\n", _HEAD + "channels: [x, facebook]\n")),
    Rule("CV106", "bank.missing_key", "error",
         "a required key is missing (a bank needs 'bank'; a phrase 'id' and 'text')",
         kind="bank", flags=("display_name: T\n",), passes=(_OK,)),
    Rule("CV107", "bank.duplicate_id", "error", "two phrases share an id (ids are unique and stable forever)",
         kind="bank",
         flags=(_OK + "      - id: r1\n        text: \"Which phone are you on?\"\n",),
         passes=(_OK + "      - id: r2\n        text: \"Which phone are you on?\"\n",)),
    Rule("CV108", "bank.bad_extends", "error", "'extends' names an unknown bank, makes a cycle or is too deep",
         kind="bank", flags=(_HEAD + "extends: nosuchbank\n",), passes=(_HEAD + "extends: base\n",)),
    Rule("CV109", "bank.name_mismatch", "error",
         "the bank's name differs from its file name (banks are found by file name, so it would draft under another)",
         kind="bank", flags=(_OK.replace("bank: t", "bank: acme"),), passes=(_OK,)),
    Rule("CV110", "bank.template_syntax", "error", "a phrase template has a Jinja syntax error",
         kind="bank", flags=(_phrase("Hi {{ customer.first_name or 'there' },"),),
         passes=(_phrase("Hi {{ customer.first_name or 'there' }},"),)),
    Rule("CV111", "bank.unknown_variable", "error",
         "a template uses a variable or attribute that does not exist (with a did-you-mean)",
         kind="bank", flags=(_phrase("Hi {{ custmer.first_name or 'there' }},"),
                             _phrase("Hi {{ customer.nickname or 'there' }},")),
         passes=(_phrase("Hi {{ customer.first_name or 'there' }},"),)),
    Rule("CV112", "bank.missing_fallback", "error",
         "an optional variable (it may be missing) is printed without a fallback, so the phrase fails without it",
         kind="bank", flags=(_phrase("Hi {{ customer.first_name }},"),
                             _phrase("We are checking order {{ details.order_id }} now.")),
         passes=(_phrase("Hi {{ customer.first_name or 'there' }},"),
                 _phrase("We are checking {% if details.order_id %}order {{ details.order_id }}"
                         "{% else %}your order{% endif %} now."))),
    Rule("CV113", "bank.render_failure", "error", "a template fails to render with valid values",
         kind="bank", flags=(_phrase("It is {{ time_of_day.split()[3] }} here."),),
         passes=(_phrase("It is {{ time_of_day.split()[0] }} here."),)),
    Rule("CV114", "bank.template_not_allowed", "error",
         "a template uses a construct outside the bank template language (loops, assignments, arithmetic, "
         "calls other than the allowed string methods, huge numbers): see docs/writing-banks.md",
         kind="bank",
         flags=(_phrase("{% for i in brand.name %}{% endfor %}Which app version?"),
                _phrase("We have {{ 10 ** 100 }} updates."), _phrase("{{ (brand.name ~ ' ') * 3 }}"),
                _phrase("{% set x = [1] %}{{ x.append(1) }}Which app version?")),
         passes=(_phrase("{% if agent.name %}{{ agent.name.split()[0] }} here.{% else %}Hi.{% endif %}"),
                 _phrase("{{ brand.name ~ ' here' }}. {{ (customer.first_name or 'friend')|title }}?"))),
    Rule("CV115", "bank.unsafe_pattern", "error",
         "a 're:' tone list entry is not a valid regular expression, or could take very long to match "
         "(nested or overlapping repetition, backreferences): see docs/checks.md",
         kind="bank",
         flags=(_OK + "tone:\n  blame_phrases: ['re:([']\n", _OK + "tone:\n  blame_phrases: ['re:(a+)+$']\n",
                _OK + "voice:\n  banned_terms: ['re:\\s*\\s*x']\n"),
         passes=(_OK + "tone:\n  blame_phrases: ['re:\\bnot\\s+our\\s+fault\\b']\n",)),
):
    register(_rule)
