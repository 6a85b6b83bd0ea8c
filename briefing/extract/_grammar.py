"""Closed-class words of release grammar (normalised): function words, event verbs, markers.

These are words of the language, not names: people, places, titles and cue phrases come
from the term base.
"""

from __future__ import annotations

import re

from ..terms.normalise import normalise_ar
from ._needles import Guarded, GuardedSet


def _ar(pattern: str, flags: int = 0) -> Guarded:
    """Compile a pattern written in plain Arabic against normalised text (checked for its needles first)."""
    return Guarded(re.compile(normalise_ar(pattern), flags))


def _words(text: str) -> frozenset[str]:
    return frozenset(normalise_ar(w) for w in text.split())

# Words that join the parts of a name ("بن", "آل", "bin", "al"); never a name's distinctive word.
NAME_JOINERS = frozenset({"بن", "ابن", "بنت", "ال", "آل", "عبد", "ابو", "أبو", "ابي", "ولد", "bin", "ibn", "al", "el", "abu"})
# Given names shared by too many people to tell one person on their own.
COMMON_GIVEN_NAMES = frozenset({"محمد", "احمد", "علي", "عبد", "الله", "mohammed", "muhammad", "ahmed", "ali", "abdullah"})

# Function words and time words that can never be part of a person's name.
FUNCTION_AR = _words("""
في من الي علي عن مع لدي الى على لدى ب ل و ف ثم او أو بين خلال بعد قبل عند حول ضد نحو منذ حتي حيث
الذي التي الذين اللذين اللتين اللواتي الذى ما ماذا هذا هذه ذلك تلك هو هي هم هما انه انها كما وكما ايضا
قد لقد كان كانت وكان وكانت يكون تكون ان إن أن بأن وبأن لا لم لن اذا اذ وقد فقد
اليوم امس البارحه غدا يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت
والوفد الوفد المرافق والمرافقين ومرافقيه له لها لهم معه معها حاليا وعدد عدد وبحضور بحضور
اتصالا اتصال هاتفيا هاتفي برقيه رساله زياره بزياره اجتماعا اجتماع لقاء لقاءا مباحثات محادثات جلسه
الموافق م هـ ه واس
""")

# Times of day: function words only before a day word ("مساء أمس"); "صباح" is also a name.
TIME_AR = _words("مساء صباح ظهر ليل ليله عصر فجر")
TIME_NEXT_AR = _words("اليوم امس الامس البارحه غد غدا يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت")

# Verbs of release prose (normalised), never part of a name.
VERBS_AR = _words("""
استقبل يستقبل واستقبل التقي يلتقي والتقي اجري يجري واجري تلقي يتلقي وتلقي قام يقوم وقام عقد يعقد وعقد
بحث يبحث وبحث يبحثان بحثا ناقش يناقش وناقش غادر يغادر وغادر وصل يصل ووصل زار يزور وزار بعث يبعث وبعث
هنا يهني يهنئ اكد يؤكد واكد يؤكدان اعرب يعرب واعرب عبر وعبر قال يقول وقال اوضح واوضح نقل ينقل ونقل
حضر وحضر يحضر حضره وحضره ترأس يترأس راس يراس وراس يراس شارك يشارك وشارك افتتح يفتتح رحب يرحب ورحب
دعا يدعو ودعا شكر يشكر وشكر اشاد يشيد واشاد تبادل يتبادل وتبادل جري وجري تم وتم يلتقيان يجريان يعقدان
""")

# Head nouns of places: the word after them is a place name ("أمير منطقة حائل").
PLACE_HEADS_AR = _words("منطقه محافظه مدينه ولايه اقليم محافظ امير")
# Buildings an event is held in: with «ب» after a title they give the venue ("عاهل البلاد بقصر الصخير").
VENUE_HEADS_AR = _words("قصر فندق قاعة منزل مقر مبنى دار")

# Head nouns of institutions, which continue a title ("رئيس البرلمان في جمهورية الشيشان").
INSTITUTIONS_AR = _words("""
جمهوريه دوله دول مملكه المملكه سلطنه رياسه اماره امارات منظمه مجلس وزاره هيئه حكومه جامعه بلاد مكتب ديوان قوات
برلمان البرلمان حزب حركه تيار جبهه ائتلاف كتله مؤسسه صندوق بنك مصرف اتحاد رابطه لجنه محكمه سفاره قنصليه بعثه وفد مركز معهد شركه
""")

# English headlines are set in Title Case: these capitalised words are never part of a name.
HEADLINE_WORDS_EN = ["readout", "visit", "visits", "call", "calls", "meeting", "meetings", "talks", "conversation",
                     "telephone", "phone", "statement", "trip", "travel", "travels", "virtual", "bilateral", "trilateral",
                     "joint", "remarks", "press", "briefing", "summit", "discussion", "discussions", "engagement",
                     "participation", "attendance", "delegation", "leaders", "counterparts", "counterpart",
                     # words of offices and institutions written with capitals inside titles
                     "national", "security", "affairs", "council", "department", "office", "ministry", "agency",
                     "administration", "government", "committee", "commission", "staff", "policy", "homeland",
                     "intelligence", "defense", "defence", "foreign", "state", "deputy", "assistant", "acting",
                     "senior", "special", "general", "principal", "chief", "executive", "house", "white"]
FUNCTION_EN = frozenset(HEADLINE_WORDS_EN + ["a", "an", "the", "of", "in", "on", "at", "to", "from", "with", "by", "for", "and", "or", "but", "as", "during", "after", "before", "about", "between", "his", "her", "their", "its", "he", "she", "they", "who", "which", "that", "this", "these", "today", "yesterday", "tomorrow", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "delegation", "accompanying"])

# Lead verbs and nouns that tell the kind of event (normalised Arabic, lower-case English).
EVENT_CUES: tuple[tuple[str, str, str], ...] = (
    # (regex on normalised text, event type, role of the grammatical subject)
    (r"(?:تلقي|يتلقي|تلقت)\s+(?:\S+\s+){0,20}?(?:اتصالا|اتصال)\s+هاتفي", "phone_call", "host"),
    (r"(?:اجري|يجري|اجرت|تجري)\s+(?:\S+\s+){0,20}?(?:اتصالا|اتصال)\s+هاتفي", "phone_call", "guest"),
    (r"(?:اتصالا|اتصال|مكالمه|محادثه)\s+هاتفي|هاتفيا", "phone_call", "other"),
    (r"\b(?:received|receives)\s+(?:a\s+)?(?:phone\s+|telephone\s+|video\s+)?call\b", "phone_call", "host"),
    (r"\b(?:placed|made|places|makes)\s+(?:a\s+)?(?:phone\s+|telephone\s+)?call\b"
     r"|\b(?:called|calls|phoned)\s+(?!for\b|on\b|upon\b|off\b|in\b|it\b|the\b|a\b|an\b)", "phone_call", "guest"),
    (r"\b(?:phone|telephone|video)\s*(?:call|calls|conversation|conference)|\bvideoconference\b|\bphoned\b"
     r"|\bspoke\s+(?:\w+\s+){0,3}?by\s+(?:phone|telephone)|^(?:readout of\s+)?.{0,80}?\bcalls?\s+with\b"
     r"|\b(?:spoke|speaks|talked)\s+(?:today\s+|yesterday\s+|earlier today\s+|this\s+\w+\s+|again\s+|separately\s+)*with\b",
     "phone_call", "other"),
    (r"(?:^|\s)(?:قمه|القمه|بالقمه)(?:\s|$)|\bsummit\b", "summit", "other"),
    (r"(?:مباحثات|محادثات|اجتماعا ثنائيا|اجتماعا موسعا|جلسه مباحثات)", "talks", "meet"),
    (r"\b(?:held talks|holds talks|talks with)\b", "talks", "meet"),
    (r"(?:^|\s)(?:استقبل|يستقبل|استقبلت|تستقبل|واستقبل)(?:\s|$)|\b(?:received|receives|hosted|hosts)\b", "meeting", "host"),
    (r"(?:^|\s)(?:التقي|يلتقي|التقت|تلتقي|والتقي|اجتمع|يجتمع|لقاء|اللقاء)(?:\s|$)|\b(?:met|meets|meeting)\b", "meeting", "meet"),
    (r"(?:^|\s)(?:بحث|يبحث|ناقش|يناقش|وبحث)\s+(?:\S+\s+){0,30}?مع(?:\s|$)", "meeting", "meet"),
    (r"(?:^|\s)(?:زياره|بزياره|يزور|زار|تزور)(?:\s|$)|\b(?:visit|visits|visited|visiting)\b"
     r"|\b(?:trip|travel|travels|traveled|travelled)\s+to\b", "visit", "guest"),
)

# A lead that announces the contact instead of reporting it ("سيغادر غدا", "will travel to").
FUTURE_AR = _ar(r"(?:^|\s)(?:و|ف)?(?:سوف\s+)?س(?:ي|ت)(?:غادر|زور|لتقي|جري|عقد|صل|توجه|بدا|بدأ|ستقبل|قوم|شارك|ترأس|راس)\S*"
                r"|(?:^|\s)(?:يوم\s+)?غد(?:ا)?(?:\s|$)|الاسبوع المقبل|الشهر المقبل")
# A past verb of contact in the lead: the release reports the contact, whatever it also announces.
PAST_CONTACT_AR = _ar(r"(?:^|\s)و?(?:استقبل|استقبلت|التقي|التقت|بحث|بحثت|اجري|اجرت|تلقي|تلقت|وصل|وصلت|عقد|عقدت|زار|زارت|ناقش|استعرض)(?:\s|$)")
PAST_CONTACT_EN = re.compile(r"\b(?:met|spoke|held|discussed|received|hosted|talked|visited|arrived|welcomed|convened)\b", re.IGNORECASE)
FUTURE_EN = re.compile(r"\b(?:will|is\s+(?:scheduled|expected|due|set)\s+to|are\s+(?:scheduled|expected|due|set)\s+to)\s+"
                       r"(?:visit|travel|meet|hold|host|attend|receive|pay|arrive|begin|start|lead|make)\b|\btomorrow\b"
                       r"|\bnext\s+(?:week|month)\b", re.IGNORECASE)

# Who asked for a call or meeting: that side is the guest ("at the initiative of the Syrian side").
# The preposition may open the sentence ("At the initiative of the Uzbek side, ...").
INITIATIVE_EN = Guarded(re.compile(
    r"\b(?i:at|on)\s+the\s+initiative\s+of\s+the\s+(?P<a>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+side\b"
    r"|\b(?i:at|on)\s+the\s+(?P<b>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+side['’]s\s+(?:initiative|request)"
    r"|\b(?:initiated|requested)\s+by\s+the\s+(?P<c>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+side\b"
    r"|\b(?i:at)\s+the\s+request\s+of\s+the\s+(?P<d>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+side\b"
))
INITIATIVE_AR = _ar(r"(?:بمبادره|مبادره|بطلب|بناء علي طلب)\s+من\s+الجانب\s+(?P<a>\S+)|بمبادره\s+الجانب\s+(?P<b>\S+)")

# Sentences naming who attended: everyone named there is present, side "other".
ATTEND_AR = _ar(
    r"(?:^|\s)(?:و?(?:حضر|حضره|حضرها|يحضر|بحضور)|و?يضم الوفد|الوفد (?:الرسمي|المرافق)|ويتكون الوفد|في (?:وداع|استقبال)|من الجانب)(?:\s|$)"
)
# The honorific «حضرة» ("حضرة صاحب السمو"), written with ta marbuta: not «حضره» (attended it), which folds alike.
HONORIFIC_HADRA = re.compile(r"(?:^|(?<=\s))حضرة(?=\s)")
ATTEND_EN = Guarded(re.compile(r"\b(?:attended|in the presence of|was present|were present|accompanied by|also present|also joined|joined the (?:meeting|call|talks))\b", re.IGNORECASE))

# Words for "both sides" as speaker.
BOTH_AR = _ar(r"(?:^|\s)(?:ال|و)?(?:جانبان|جانبين|طرفان|طرفين|رئيسا|وزيرا|البلدان|الزعيمان|الزعيمين|نظيره|ونظيره)(?:\s|$)|(?:^|\s)\S+(?:ا|وا)\s+خلال(?:ه|ها)?(?:\s|$)")
BOTH_EN = Guarded(re.compile(r"\b(?:both sides|the two sides|the sides|the parties|both leaders|the two leaders|the leaders|the two ministers|both ministers"
                     r"|the ministers|the presidents|the two presidents|the two|they|both|the officials|the participants"
                     r"|(?:his|her|their|the) counterparts?)\b", re.IGNORECASE))
# "for his part", "whereas": the other side speaks.
SWITCH_AR = _ar(r"(?:^|\s)(?:من جانبه|من جهته|بدوره|فيما|في حين|وفي المقابل)(?:\s|$|[،,])")
SWITCH_EN = Guarded(re.compile(r"\b(?:for his part|for her part|in turn|in reply|while)\b", re.IGNORECASE))
# Passive reports of discussion: both sides.
PASSIVE_AR = _ar(r"(?:^|\s)(?:و?جري|و?تم|و?تناول|تطرق|و?تطرق|و?دار)(?:\s|$)")
PASSIVE_EN = Guarded(re.compile(r"\b(?:were discussed|was discussed|were reviewed|discussions? (?:covered|focused)|it was|it has been|there was)\b", re.IGNORECASE))
# Background sentences.
CONTEXT_AR = _ar(r"(?:تجدر الاشاره|يذكر ان|الجدير بالذكر|يشار الي|وكان\s+\S+(?:\s+\S+){0,8}\s+قد)")
CONTEXT_EN = Guarded(re.compile(r"\b(?:it is worth noting|it should be noted|notably,|previously|earlier this year)\b", re.IGNORECASE))
# Lines of page chrome, captions and agency trailers.
NOISE_LINE = re.compile(
    r"^\s*(?:next\s+previous|previous\s+next|مواضيع ذات صلة|اقرأ أيضا|اقرأ ايضا|شاهد أيضا|عدد المشاهدات|عدد القراءات"
    r"|رابط الخبر|المصدر\s*:|تصوير\s*:|كتب\s*:|حرر\s*:|//?\s*انتهى\s*//?|\d{1,2}:\d{2}\s*ت\s*م|related (?:articles|stories))",
    re.IGNORECASE,
)
CUT_FROM = re.compile(r"(?:مواضيع ذات صلة|رابط الخبر بصحيفة|اقرأ أيضاً?|Related articles)", re.IGNORECASE)
# News agencies as datelines name them, in brackets or between slashes ("(كونا)", "/ وام /", "(Xinhua)").
AGENCIES = frozenset(normalise_ar(name).casefold() for name in (
    "واس", "كونا", "وام", "قنا", "بنا", "العمانية", "أ ش أ", "أ.ش.أ", "بترا", "سانا", "وفا", "سبأ", "ومع", "واج", "وات",
    "واع", "سونا", "الأناضول", "رويترز", "أ ف ب", "فرانس برس", "د ب أ", "شينخوا", "إرنا", "تاس", "سبوتنيك", "يونهاب",
    "كيودو", "برناما", "Xinhua", "Reuters", "Anadolu", "Petra", "Khovar", "Kabar", "Kazinform", "Trend", "Azertac",
    "Armenpress", "Interfax", "RIA Novosti", "Sputnik", "Yonhap", "Kyodo", "Bernama", "Antara", "Prensa Latina",
    "BelTA", "Ukrinform", "Agerpres", "Tanjug", "Lusa", "dpa", "EFE", "ANSA", "Saba", "Wafa", "AP", "AFP", "PTI", "IANS",
    "ANI", "KUNA", "WAM", "QNA", "SPA", "BNA", "ONA", "MENA", "SANA", "WAFA", "TASS", "IRNA", "AA", "APP", "BSS", "UNB",
    "UNI", "NNA", "INA", "SUNA", "MAP", "APS", "TAP", "PNA", "MTI", "CTK", "PAP", "BTA", "STA", "HINA", "SPA",
))
INLINE_NOISE = re.compile(r"//?\s*انتهى\s*//?|\(\s*صورة\s*\)|\d{1,2}:\d{2}\s*ت\s*م\b|عدد المشاهدات\s*:?\s*\d+")

# Stance phrases split by their subject ("تبادل الجانبان ... وجهات النظر", "نقل كارتر ... تحيات").
SPLIT_STANCES_AR: GuardedSet[str] = GuardedSet((
    (_ar(r"(?:^|\s)و?(?:تبادل|تبادلا|يتبادل|يتبادلان)\s+(?:\S+\s+){1,6}?(?:وجهات النظر|الآراء|الاراء)"), "exchange_views"),
    (_ar(r"(?:^|\s)و?(?:نقل|نقلت|ناقلا|حمل|حمله|حملها|أبلغ)\s+(?:\S+\s+){0,8}?(?:تحيات|تحياته|تحيات وتقدير|تحياتها)"), "other"),
    # "نقل ... تحيات وتهاني": greetings with congratulations are a congratulation (after "other", which it replaces)
    (_ar(r"(?:^|\s)و?(?:نقل|نقلت|ناقلا|حمل|حمله|حملها|أبلغ)\s+(?:\S+\s+){0,8}?(?:تحيات|تحياته|تحياتها)\s+و(?:تهاني|تهانيه|تهنئه)"),
     "congratulation"),
))
# English: a stance verb, then determiners, possessives and up to two adjectives (and "with X", whom it was told) before
# the stance noun the closed phrases of the term base cannot all spell ("voiced the deep concerns", "expressed her hope",
# "reaffirmed their resolute support", "shared with X his assessment"); "raised ..., including her concerns" too.
_NOUN_GAP_EN = (r"\s+(?:with\s+(?:(?:[A-Z][\w.'’-]*|of|the)\s+){1,6}?)?(?:(?:the|a|an|his|her|their|its|our|some|both)\s+)?"
                r"(?:(?!(?:of|for|to|in|on|with|about|and|or|that|the|a|an)\s)[a-z][\w’'-]*\s+){0,2}?")
# Not "their shared commitment", "the EU’s shared resolve", "emphasized shared support", "and shared commitment to":
# "shared" there is an adjective.
_STANCE_VERB_EN = (r"(?<!the )(?<!their )(?<!our )(?<!his )(?<!her )(?<!its )(?<!a )(?<!’s )(?<!'s )(?<!’ )(?<!' )(?<!ed )"
                   r"\b(?:expressed|expresses|expressing|voiced|voices|voicing|conveyed|conveys|conveying|reaffirmed|reaffirms"
                   r"|reaffirming|reiterated|reiterates|reiterating|shared|shares|sharing|gave|gives|giving|offered|offers"
                   r"|pledged|pledges|pledging|declared|underscored|underscores)"
                   r"(?!(?<=shared)\s+(?:commitment|determination|resolve|intention|readiness|support|hopes?|concerns?)\b)")
# Guarded: each opens with look-behinds, tried at every character, and most sentences hold none of the verbs.
SPLIT_STANCES_EN: GuardedSet[str] = GuardedSet((Guarded(re.compile(p)), stance) for p, stance in (
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:concerns?|regrets?)\b", "concern"),
    (r"\b(?:raised|raises)\s+[^.;:]{0,60}?,\s*including\s+(?:his|her|their)\s+(?:\w+\s+)?concerns?\b", "concern"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"hopes?\b", "hope"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:support|solidarity)\b", "support"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:condolences|sympathy)\b", "condolence"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:gratitude|thanks)\b", "thanks"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:satisfaction|appreciation)\b", "satisfaction"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"condemnation\b", "condemnation"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"(?:commitment|determination|resolve|readiness|willingness|intention)\b", "emphasis"),
    (_STANCE_VERB_EN + _NOUN_GAP_EN + r"assessments?\b", "other"),
    # "drew attention to", "drew President X's attention to": pointing something out is emphasis
    (r"\b(?:drew|draws|drawing)\s+(?:(?:[A-Z][\w.-]*\s+){0,4}?[\w.-]+[’']s\s+|(?:his|her|their|the)\s+)?attention\s+to\b",
     "emphasis"),
))
# Nouns of discussion after "during" are a setting, not a position ("وأثناء مناقشة ...").
SUBORDINATE_AR = _ar(r"(?:^|\s)و?(?:اثناء|أثناء|خلال|عند|لدى|بعد|قبل)\s*$")
# Verbs of accepting an invitation, a few words before "الدعوة".
ACCEPT_AR = _ar(r"(?:^|\s)و?(?:قد\s+)?(?:قبل|قبلت|لبى|لبت|وافق|وافقت)(?:\s|$)")
ACCEPT_EN = re.compile(r"\b(?:accepted|accepts|welcomed)\b", re.IGNORECASE)

# Follow-ups the term base cannot list as fixed phrases.
DIRECTIVE_AR = _ar(r"(?:^|(?<!\sفي)\s)و?(?:وجه|وجّه|يوجه|اوعز|أوعز|يوعز)\s+(?:\S+\s+){0,5}?(?=ب\S{3,})")
MORE_VISITS_AR = _ar(r"(?:ننتظر|ينتظر|نتطلع|يتطلع|تتطلع|يتطلعان)\s+(?:\S+\s+){0,4}?(?:الي\s+)?(?:زيارات|الزيارات|زياره|الزياره)")
MORE_VISITS_EN = re.compile(r"\b(?:look(?:s|ed)? forward to|expect(?:s|ed)?)\b[^.]{0,40}\bvisits?\b", re.IGNORECASE)
IN_RESPONSE_AR = _ar(r"(?:تلبيه|تلبية|بتلبيه|بتلبية|تلبيا|بناء علي|استجابه|استجابة)\s*$")
COORDINATED_AR = _ar(r"\s*(?:،|,)?\s*(?:فضلا عن|فضلاً عن|إضافة إلى|اضافه الي|بالاضافه الي|بالإضافة إلى|وكذلك)\s+")

# Words before "in"/"في" that make the city a topic, not the venue ("the situation in Gaza").
TOPIC_BEFORE_EN = re.compile(
    r"\b(?:situation|developments|events|crisis|conflict|war|fighting|attacks?|strikes?|escalation|people|peace|security"
    r"|stability|ceasefire|violence|tensions|aid|assistance|hostages|victims|conditions|operations?|offensive|elections?"
    r"|protests?|reconstruction|shelling|bombing|incidents?|crimes?|embassy|consulate|presence|troops|forces)"
    r"(?:\s+\S+){0,2}\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
TOPIC_BEFORE_AR = _ar(
    r"(?:الاوضاع|اوضاع|الوضع|وضع|التطورات|تطورات|الاحداث|احداث|الازمه|ازمه|الصراع|الحرب|حرب|السلام|الامن|الاستقرار"
    r"|المستجدات|مستجدات|الهجوم|الهجمات|العدوان|القصف|التفجير|الشعب|اهالي|اللاجئين|سفاره|السفاره|قنصليه|الانتخابات|الازمات)"
    r"(?:\s+\S+){0,2}\s+(?:في|ب)?\s*$")
VENUE_EN = re.compile(
    r"(?:\b(?:in|at)|\b(?:welcomed|welcomes|hosted|hosts)\b[^.;]{0,120}?\bto)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s+){0,3}?(?:Kremlin|White House|[A-Z][\w’'-]*\s+(?:Palace|House|Residence|Hall"
    r"|Headquarters|Chancellery|Castle|Center|Centre)))\b")

# A venue named in the lead when no city is ("في قصر السلام", "في دار سلوى", "بمقر الحكومة").
VENUE_AR = re.compile(
    r"(?:^|\s)(?:في|ب)\s*((?:قصر|دار|مقر|مكتب|مركز|فندق|ديوان|منزل|مبنى|قاعة|مجلس)\s+[^\s،,.]+(?:\s+(?!اليوم|أمس|امس|مساء|صباح|ظهر|يوم|الليلة|السيد|الدكتور|معالي|سمو|فخامة|دولة|صاحب|الشيخ|الأمير|الرئيس|الملك|وزير)[^\s،,.]+)?)"
)

# A transcript's speaker label ("President of Russia Vladimir Putin:", "Narendra Modi (retranslated):"):
# before the name, a heading of capitalised words at most; after it, title words, then the colon.
LABEL_TAIL_EN = Guarded(re.compile(r"[\s\w’'.-]{0,80}?\s*(?:\((?:retranslated|via interpreter|translated)\))?\s*:\s", re.IGNORECASE))
LABEL_HEAD_WORDS_EN = frozenset({"of", "the", "and", "talks", "meeting", "negotiations", "with", "*"})
LABEL_TAIL_WORDS_EN = frozenset({"of", "the", "and", "retranslated", "via", "interpreter", "translated"})
# Positions said in the first person in a transcript's remarks (a readout's third-person verbs are in the term base).
FIRST_PERSON_EN: GuardedSet[str] = GuardedSet((Guarded(re.compile(p, re.IGNORECASE)), stance) for p, stance in (
    (r"\bthank you(?: very much)? for\b|\b(?:I|we) (?:would like to |want to )?thank\b|\b(?:I am|I'm|we are|we're) (?:very |most |deeply |sincerely )?grateful\b", "thanks"),
    (r"\b(?:I|we) (?:would like to |want to )?(?:congratulate|extend congratulations)\b", "congratulation"),
    (r"\b(?:I|we) (?:very much |sincerely |do )?hope\b", "hope"),
    (r"\b(?:I|we) (?:would like to |want to )?welcome\b", "welcome"),
    (r"\b(?:I am|I'm|we are|we're) (?:very |extremely |truly )?(?:pleased|satisfied|delighted) (?:with|that|by)\b|\bgood (?:sign|signal)\b"
     r"|\b(?:developing|progressing|going) (?:well|positively|successfully)\b|\bmost successful\b", "satisfaction"),
    (r"\b(?:it is|it's|this is) (?:very |extremely |particularly |especially )?important\b"
     r"|\b(?:I|we) (?:would like to |want to )(?:stress|emphasise|emphasize|underline|point out|assure|note)\b|\bthere is no doubt\b", "emphasis"),
    (r"\b(?:matter|cause|source) (?:of|for) (?:\w+ ){0,2}concern\b|\b(?:I am|we are|I'm|we're) (?:very |deeply |seriously )?(?:concerned|worried)\b", "concern"),
    (r"\b(?:I|we) (?:fully |strongly |firmly )?(?:support|favour|favor)\b", "support"),
))
# A label of a bare name the tagger does not know as a person ("Viktor Orban: I am running again").
LABEL_BARE_EN = Guarded(re.compile(r"^(?:\*\s*)*((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s*(?:\((?:retranslated|via interpreter|translated)\))?\s*:\s"))
# A commitment conveyed to the other side ("informed President Ghani that the United States ... will accelerate ..."):
# an act a tracker can close, unlike "will continue to support".
# A visit the speaker expects of someone ("we expect the Prime Minister of Serbia to visit Moscow in December").
EXPECT_VISIT_EN = Guarded(re.compile(  # guarded: only sentences with "expect" or "anticipate" are scanned
    r"\b(?:we|I|they|he|she|[A-Z][a-z]+)\s+(?:also\s+)?(?:expect|expects|expected|anticipate|anticipates)\s+[^.;]{0,80}?"
    r"\bto\s+(?:visit|travel\s+to|come\s+to|pay\s+a\s+visit)\b[^.;]*"))
PROMISE_EN = Guarded(re.compile(
    r"\b(?:informed|told|assured|pledged|promised)\s+(?!decision\b)[^.;:]{0,80}?\bthat\b[^.;:]{0,120}?\bwill\s+"
    r"(?!continue\b|remain\b|be\b|stay\b|not\b|work\b|always\b|never\b|have\b|help\b)[a-z]+[^.;]*", re.IGNORECASE))
