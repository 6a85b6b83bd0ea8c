"""Arabic letter variants and digits, as every matcher folds them: one table; pure."""

from __future__ import annotations

# Letters written in several ways (hamza seats, alef wasla, dotless and Persian ya, ta marbuta, keheh).
# Each maps one character to one, so folding keeps offsets.
LETTER_VARIANTS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ک": "ك",
}
# Arabic-Indic and Persian digits.
DIGITS = {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
TATWEEL = "\u0640"
