//! Vocabularies and thresholds of direct-quote extraction: the verbs that
//! attribute a quote, the words that make up (or do not make up) a speaker's
//! name, and the limits of how far a cue may sit from its quote.
//!
//! Every list is sorted and lowercase so that lookups can binary-search it;
//! a test below keeps it that way.

use std::sync::LazyLock;

use crate::dom::FastMap;

/// A quote needs at least this many words: fewer is a title, a scare quote
/// or a single term ("so-called "experts"").
pub const MIN_QUOTE_WORDS: usize = 4;

/// A cue after a quote (`"…," the former deputy minister of finance said`)
/// is looked for at most this many tokens past the closing mark; further
/// away the verb belongs to another clause.
pub const MAX_FORWARD_CUE_TOKENS: usize = 14;

/// The same distance when the subject carries an appositive between commas
/// (`"…," Timothy Ash, an economist at Chatham House, said`).
pub const MAX_FORWARD_CUE_TOKENS_APPOSITIVE: usize = 40;

/// An appositive (`Smith, the president of the union, said`) is skipped
/// backwards for at most this many tokens.
pub const MAX_APPOSITIVE_TOKENS: usize = 36;

/// A name is read over at most this many tokens (`Ursula von der Leyen`
/// has four; a longer capitalised run is a headline, not a name).
pub const MAX_NAME_TOKENS: usize = 12;

/// A role phrase as a subject (`a spokesperson for the ministry said`) has at
/// most this many words.
pub const MAX_ROLE_PHRASE_WORDS: usize = 7;

/// A pronoun looks back over at most this many named speakers and sentence
/// subjects for one that fits; it bounds the work on pages full of cues.
pub const MAX_REFERENT_LOOKBACK: usize = 64;

/// The name index keeps at most this many distinct names ending in the
/// same word (an article has a handful of Bidens, never dozens); it bounds
/// the work of resolving a surname on pages built to be slow.
pub const MAX_NAMES_PER_SURNAME: usize = 32;

/// Suffixes written after a surname (`Patrick Carlineo Jr.`): the name is
/// also found by the surname before them.
pub const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "jr.", "sr", "sr."];

/// Quoted sub-headings looked up for the quote they repeat, per page: an
/// article has a handful; the bound keeps a page of headings linear.
pub const MAX_HEADINGS: usize = 16;

/// "The president" looks for the role among this many roles on either
/// side of it.
pub const MAX_ROLE_LOOKUP: usize = 64;

/// English verbs that attribute a quote to the subject of their clause
/// (the other languages' lists follow below), in the forms
/// news text uses (present, past, participle). Nouns that share a form
/// ("notes", "states", "claims") are left out: they would make a cue of a
/// noun phrase. Matched lowercase only, so "United States" is no cue.
pub const CUE_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "agrees",
    "announced",
    "argued",
    "argues",
    "asked",
    "asks",
    "asserted",
    "asserts",
    "begged",
    "boasted",
    "called",
    "cautioned",
    "claimed",
    "commented",
    "comments",
    "complained",
    "conceded",
    "concedes",
    "concluded",
    "confirmed",
    "continued",
    "continues",
    "countered",
    "counters",
    "cried",
    "declared",
    "declares",
    "described",
    "describes",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explaining",
    "explains",
    "implored",
    "insisted",
    "insists",
    "joked",
    "jokes",
    "laughed",
    "maintained",
    "maintains",
    "mused",
    "muses",
    "noted",
    "noting",
    "observed",
    "ordered",
    "pointed",
    "posted",
    "predicted",
    "predicts",
    "quipped",
    "recalled",
    "recalls",
    "recounted",
    "reiterated",
    "reiterates",
    "remarked",
    "replied",
    "replies",
    "responded",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "shouted",
    "shouts",
    "stated",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "thundered",
    "told",
    "tweeted",
    "urged",
    "urges",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
    "yells",
];

/// Cue verbs in a participle form: `"…," he said, adding: "…"` has no
/// subject of its own, so the speaker is the one of the clause before.
pub const PARTICIPLE_CUES: &[&str] = &[
    "adding",
    "explaining",
    "noting",
    "saying",
    "telling",
    "warning",
    "writing",
];

/// Cue verbs whose object is the listener: the name after them (`told
/// Business Insider`) never speaks, so they are not read inverted.
pub const LISTENER_CUES: &[&str] = &["tell", "telling", "tells", "told"];

/// Cue verbs that attribute only a quote after them (`Noem called the
/// campaign a "bold, innovative effort…"`): after a quote they are mostly
/// another sense (`which showed the army could yet be called in`).
pub const FORWARD_ONLY_CUES: &[&str] = &["called"];

/// The two-word cue whose speaker comes after it: `according to X`.
pub const ACCORDING: &str = "according";

/// Pronouns that stand for a speaker and are resolved to a named one.
pub const SPEAKER_PRONOUNS: &[&str] = &["he", "it", "she", "they"];

/// First-person and second-person subjects: a quote "I said" belongs to
/// the writer, who is not named in the body.
pub const FIRST_PERSON: &[&str] = &["i", "we", "you"];

/// Pronouns that refer to one person (resolved to a person, not to an
/// organisation or a group).
pub const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// Words that join a second cue verb to the first one's subject: `Volker
/// said he never used the term and added, "…"`.
pub const COORDINATORS: &[&str] = &["and", "but", "then"];

/// Words that may stand between a subject and its cue verb and are skipped
/// (`Tokayev also said`, `She then said`, `Smith on Tuesday said`).
pub const SUBJECT_CUE_FILLERS: &[&str] = &[
    "again",
    "also",
    "finally",
    "first",
    "friday",
    "further",
    "had",
    "has",
    "have",
    "last",
    "later",
    "monday",
    "on",
    "once",
    "previously",
    "quickly",
    "recently",
    "reportedly",
    "saturday",
    "simply",
    "sunday",
    "then",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "will",
    "would",
    "yesterday",
];

/// Determiners that open a role phrase used as a subject (`the president`,
/// `a spokesperson for the ministry`, `one official`).
pub const ROLE_DETERMINERS: &[&str] = &[
    "a", "an", "another", "das", "der", "die", "ein", "eine", "el", "her", "his", "its", "la",
    "las", "le", "les", "los", "o", "one", "os", "several", "some", "the", "their", "two", "um",
    "uma", "un", "una", "une",
];

/// Titles and roles that precede a name (`Kazakh President Kassym-Jomart
/// Tokayev`, `Chancellor Olaf Scholz`, `Dr. Jane Doe`): stripped from the
/// name and remembered, so that "the president" later finds the person.
pub const TITLES: &[&str] = &[
    "abgeordnete",
    "abgeordneter",
    "adm.",
    "admiral",
    "alcalde",
    "alcaldesa",
    "ambassador",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "bundeskanzler",
    "bundeskanzlerin",
    "bürgermeister",
    "bürgermeisterin",
    "capt.",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chef",
    "chefin",
    "chief",
    "co-founder",
    "coach",
    "col.",
    "colonel",
    "commissioner",
    "concejal",
    "concejala",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "dame",
    "delegada",
    "delegado",
    "deputy",
    "detective",
    "diputada",
    "diputado",
    "directeur",
    "director",
    "directora",
    "directrice",
    "direktor",
    "direktorin",
    "diretor",
    "diretora",
    "dr",
    "dr.",
    "député",
    "députée",
    "emperor",
    "executive",
    "founder",
    "frau",
    "gen.",
    "general",
    "gobernador",
    "gobernadora",
    "gov.",
    "governador",
    "governadora",
    "governor",
    "herr",
    "judge",
    "justice",
    "kanzler",
    "kanzlerin",
    "king",
    "landrat",
    "landrätin",
    "leader",
    "leiter",
    "leiterin",
    "lieutenant",
    "lord",
    "lt.",
    "maire",
    "manager",
    "mayor",
    "minister",
    "ministerin",
    "ministra",
    "ministre",
    "ministro",
    "mme",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "officer",
    "pastor",
    "police",
    "pope",
    "porta-voz",
    "portavoz",
    "porte-parole",
    "prefeita",
    "prefeito",
    "premier",
    "president",
    "president-elect",
    "presidenta",
    "presidente",
    "prince",
    "princess",
    "prof",
    "prof.",
    "professeur",
    "professor",
    "präsident",
    "präsidentin",
    "président",
    "présidente",
    "queen",
    "rabbi",
    "rep.",
    "representative",
    "rev.",
    "secretary",
    "sen.",
    "senador",
    "senadora",
    "senator",
    "sergeant",
    "sgt.",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sprecher",
    "sprecherin",
    "superintendent",
    "sénateur",
    "sénatrice",
    "vorsitzende",
    "vorsitzender",
];

/// Titles that tell a woman (`Ms. Grisham`, `spokeswoman Jane Doe`): the
/// surname then fits "she" and not "he". Each is also in [`TITLES`].
pub const FEMALE_TITLES: &[&str] = &[
    "alcaldesa",
    "assemblywoman",
    "bundeskanzlerin",
    "bürgermeisterin",
    "chairwoman",
    "chefin",
    "concejala",
    "congresswoman",
    "councilwoman",
    "dame",
    "delegada",
    "diputada",
    "directora",
    "directrice",
    "direktorin",
    "diretora",
    "députée",
    "frau",
    "gobernadora",
    "governadora",
    "kanzlerin",
    "landrätin",
    "leiterin",
    "ministerin",
    "ministra",
    "mme",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "prefeita",
    "presidenta",
    "princess",
    "präsidentin",
    "queen",
    "senadora",
    "spokeswoman",
    "sprecherin",
    "sénatrice",
];

/// Titles that tell a man (`Mr. Trump`, `Sen. … chairman`).
pub const MALE_TITLES: &[&str] = &[
    "alcalde",
    "assemblyman",
    "bundeskanzler",
    "chairman",
    "concejal",
    "congressman",
    "councilman",
    "delegado",
    "diputado",
    "directeur",
    "diretor",
    "député",
    "gobernador",
    "governador",
    "herr",
    "kanzler",
    "king",
    "landrat",
    "lord",
    "ministro",
    "mr",
    "mr.",
    "prefeito",
    "prince",
    "senador",
    "sir",
    "spokesman",
    "sprecher",
    "sénateur",
];

/// Lowercase particles inside a name (`Ursula von der Leyen`, `Vincent van
/// Gogh`, `Mohammed bin Salman`).
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "ten", "ter", "van", "von",
];

/// Capitalised words that are not names, mostly because they open a
/// sentence (`But Smith said`, `Another ally appeared`, German `Und`,
/// `Zugleich`, the source markers `Según`, `Selon`); stripped from the start of a capitalised run. Weekdays and
/// months are here too: `Smith said Monday` is no name "Smith Monday".
pub const NOT_NAME_WORDS: &[&str] = &[
    "a",
    "aber",
    "after",
    "all",
    "als",
    "also",
    "an",
    "and",
    "another",
    "april",
    "as",
    "asked",
    "at",
    "auch",
    "august",
    "before",
    "both",
    "but",
    "by",
    "dazu",
    "december",
    "denn",
    "doch",
    "during",
    "earlier",
    "even",
    "february",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "january",
    "july",
    "june",
    "last",
    "later",
    "laut",
    "many",
    "march",
    "meanwhile",
    "monday",
    "most",
    "my",
    "next",
    "no",
    "not",
    "november",
    "now",
    "october",
    "oder",
    "of",
    "on",
    "or",
    "our",
    "para",
    "pour",
    "saturday",
    "segundo",
    "según",
    "selon",
    "september",
    "she",
    "since",
    "so",
    "some",
    "sowohl",
    "still",
    "sunday",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "to",
    "tuesday",
    "und",
    "we",
    "wednesday",
    "wenn",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "wie",
    "with",
    "yet",
    "you",
    "your",
    "zudem",
    "zugleich",
];

/// Words whose presence makes a capitalised speaker an organisation rather
/// than a person (`the Foreign Ministry`, `Acme Inc.`): "he" and "she" are
/// not resolved to them.
pub const ORGANISATION_WORDS: &[&str] = &[
    "agency",
    "army",
    "association",
    "bank",
    "board",
    "bureau",
    "co.",
    "commission",
    "committee",
    "company",
    "corp.",
    "council",
    "court",
    "department",
    "foundation",
    "government",
    "group",
    "house",
    "inc.",
    "institute",
    "kremlin",
    "ltd.",
    "ministry",
    "news",
    "office",
    "organization",
    "parliament",
    "party",
    "police",
    "press",
    "service",
    "times",
    "union",
    "university",
];

/// Abbreviations whose period does not end a sentence (`Mr. Smith`,
/// `Gov. Newsom`); a single capital letter with a period is an initial.
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "capt", "co", "col", "corp", "dr", "gen", "gov", "inc", "jr", "lt", "ltd", "mr", "mrs",
    "ms", "mt", "no", "prof", "rep", "rev", "sen", "sgt", "sr", "st", "vs",
];

/// Small words that a title keeps lowercase (`The Lord of the Rings`): a
/// quoted span whose other words are all capitalised is a title, not speech.
pub const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "of", "on", "or",
    "the", "to", "with",
];

/// Words that end a role phrase used as a subject: `a spokesman for the
/// ministry in a statement` stops before "in"; `critics who said` before
/// "who".
pub const ROLE_PHRASE_STOPS: &[&str] = &[
    "after", "and", "as", "at", "because", "before", "but", "during", "had", "has", "have", "in",
    "is", "on", "or", "said", "that", "to", "was", "were", "when", "where", "which", "while",
    "who", "whom", "whose", "with",
];

/// Prepositions: a name right after one is an object inside an appositive
/// (`Omar Lamrani, an analyst at Stratfor, the Texas-based firm, told`), so
/// the subject is looked for further back.
pub const PREPOSITIONS: &[&str] = &[
    "about", "across", "after", "against", "among", "around", "at", "before", "behind", "beside",
    "between", "beyond", "by", "during", "for", "from", "in", "into", "like", "near", "of", "on",
    "over", "through", "to", "toward", "towards", "under", "with", "within", "without",
];

/// Prepositions and time words of German, French and Spanish that open a
/// capitalised phrase before a cue verb (`Im März sagte er`, `Auf Anfrage
/// schreibt`, `Trennung von Danni Büchner erzählte`): such a phrase is no
/// subject, in a language whose nouns or sentence starts are capitalised.
pub const NOT_SUBJECT_OPENERS: &[&str] = &[
    "am", "anfang", "après", "auf", "aus", "avant", "avec", "bei", "con", "dans", "durch", "ende",
    "für", "gegen", "im", "mit", "mitte", "nach", "neben", "ohne", "para", "por", "pour", "sans",
    "seit", "sin", "sobre", "sur", "tras", "trotz", "vom", "von", "vor", "wegen", "während", "zum",
    "zur",
];

/// Words that open a circumstance after a cue verb at a sentence's end
/// (`…, Noem said in the announcement.`, `…, he said on Tuesday.`): the cue
/// still closes the sentence it follows, as if nothing came after it.
pub const CUE_CIRCUMSTANCE_OPENERS: &[&str] = &[
    "after", "at", "before", "during", "in", "on", "through", "to", "via", "when", "while",
];

/// Words that open reported speech right after a cue verb (`said the plan
/// was…`, `said that…`, `said he…`): such a cue starts a statement of its
/// own instead of closing the full-sentence quote before it.
pub const INDIRECT_SPEECH_OPENERS: &[&str] = &[
    "a", "an", "he", "her", "his", "it", "its", "she", "that", "the", "their", "there", "they",
    "this", "we",
];

/// Words that open an appositive after a name (`Smith, who leads the
/// union, said`) besides determiners, lowercase words and numbers.
pub const APPOSITIVE_OPENERS: &[&str] = &["who", "whose"];

/// A subject after a quote may carry this many descriptive words before
/// the name the cue attaches to (`"…," White House press secretary
/// Stephanie Grisham said`).
pub const MAX_SUBJECT_DESCRIPTOR_WORDS: usize = 6;

/// Common first names of women, so that "he" is not resolved to Mary
/// Steenburgen; a name in neither list fits any pronoun.
pub const FEMALE_FIRST_NAMES: &[&str] = &[
    "abigail",
    "adele",
    "alexandra",
    "alice",
    "alicia",
    "alison",
    "allison",
    "amanda",
    "amber",
    "amy",
    "ana",
    "andrea",
    "angela",
    "angelina",
    "ann",
    "anna",
    "anne",
    "annie",
    "ashley",
    "barbara",
    "beth",
    "betty",
    "beverly",
    "beyonce",
    "brenda",
    "brittany",
    "caitlyn",
    "carla",
    "carly",
    "carol",
    "caroline",
    "carolyn",
    "carrie",
    "cate",
    "catherine",
    "charlotte",
    "cheryl",
    "chloe",
    "christina",
    "christine",
    "cindy",
    "claire",
    "cynthia",
    "daisy",
    "dana",
    "deborah",
    "debra",
    "denise",
    "diana",
    "diane",
    "dianne",
    "donna",
    "doris",
    "dorothy",
    "eleanor",
    "elena",
    "elise",
    "eliza",
    "elizabeth",
    "ella",
    "ellen",
    "ellie",
    "emily",
    "emma",
    "erin",
    "esther",
    "eva",
    "evelyn",
    "fiona",
    "frances",
    "gina",
    "gloria",
    "grace",
    "gwen",
    "hannah",
    "harriet",
    "heather",
    "helen",
    "hillary",
    "holly",
    "ilhan",
    "ingrid",
    "irene",
    "isabel",
    "isabella",
    "ivanka",
    "jacqueline",
    "jade",
    "jane",
    "janet",
    "janice",
    "jasmine",
    "jean",
    "jennie",
    "jennifer",
    "jenny",
    "jessica",
    "jessie",
    "jill",
    "joan",
    "joanna",
    "joanne",
    "josephine",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "kamala",
    "kara",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kathy",
    "katie",
    "kelly",
    "kimberly",
    "kirsten",
    "kristen",
    "kristin",
    "laura",
    "lauren",
    "leah",
    "lena",
    "lily",
    "linda",
    "lindsay",
    "lisa",
    "liz",
    "lola",
    "lori",
    "louise",
    "lucy",
    "lydia",
    "lynn",
    "madeleine",
    "maggie",
    "margaret",
    "margarita",
    "margot",
    "maria",
    "mariah",
    "marie",
    "marilyn",
    "marina",
    "martha",
    "mary",
    "maya",
    "megan",
    "meghan",
    "melania",
    "melanie",
    "melinda",
    "melissa",
    "mia",
    "michelle",
    "miriam",
    "molly",
    "nadia",
    "nancy",
    "naomi",
    "natalie",
    "natasha",
    "nicole",
    "nikki",
    "nina",
    "nora",
    "olga",
    "olivia",
    "oprah",
    "pam",
    "pamela",
    "patricia",
    "paula",
    "peggy",
    "penelope",
    "priya",
    "rachel",
    "rebecca",
    "rihanna",
    "rita",
    "rosa",
    "rose",
    "rosie",
    "ruby",
    "ruth",
    "sally",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "selena",
    "serena",
    "sharon",
    "sheila",
    "shirley",
    "sonia",
    "sophia",
    "sophie",
    "stacey",
    "stella",
    "stephanie",
    "sue",
    "susan",
    "susanne",
    "svetlana",
    "tammy",
    "tanya",
    "tara",
    "tatiana",
    "teresa",
    "theresa",
    "tiffany",
    "tina",
    "tracy",
    "tulsi",
    "ursula",
    "valentina",
    "valerie",
    "vanessa",
    "vera",
    "victoria",
    "virginia",
    "wanda",
    "wendy",
    "whitney",
    "yulia",
    "yvonne",
    "zoe",
];

/// Common first names of men, so that "she" is not resolved to Tom Harper.
pub const MALE_FIRST_NAMES: &[&str] = &[
    "aaron",
    "adam",
    "adrian",
    "alan",
    "albert",
    "alexander",
    "andrew",
    "andy",
    "anthony",
    "arthur",
    "austin",
    "barack",
    "benjamin",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "boris",
    "brandon",
    "bret",
    "brett",
    "brian",
    "bruce",
    "bryan",
    "calvin",
    "cameron",
    "carl",
    "chad",
    "charles",
    "charlie",
    "chris",
    "christopher",
    "chuck",
    "colin",
    "cory",
    "craig",
    "damian",
    "dan",
    "daniel",
    "danny",
    "darren",
    "david",
    "dean",
    "dennis",
    "derek",
    "dmitry",
    "don",
    "donald",
    "doug",
    "douglas",
    "drew",
    "dylan",
    "ed",
    "eddie",
    "edward",
    "elon",
    "emmanuel",
    "eric",
    "ethan",
    "eugene",
    "frank",
    "franklin",
    "fred",
    "gary",
    "gavin",
    "george",
    "gerald",
    "glenn",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "hank",
    "harold",
    "harry",
    "henry",
    "howard",
    "hugh",
    "ian",
    "isaac",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jared",
    "jason",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerome",
    "jerry",
    "jesse",
    "jim",
    "jimmy",
    "joaquin",
    "joe",
    "joel",
    "john",
    "jon",
    "jonathan",
    "jordan",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kenny",
    "kevin",
    "kirk",
    "kurt",
    "kurtis",
    "kyle",
    "lance",
    "larry",
    "lawrence",
    "leo",
    "lewis",
    "liam",
    "louis",
    "lucas",
    "luke",
    "marc",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "max",
    "michael",
    "mike",
    "mitch",
    "mitt",
    "mohammed",
    "muhammad",
    "nate",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "noah",
    "norman",
    "oliver",
    "omar",
    "oscar",
    "owen",
    "patrick",
    "paul",
    "pedro",
    "pete",
    "peter",
    "phil",
    "philip",
    "rafael",
    "ralph",
    "randy",
    "ray",
    "raymond",
    "reid",
    "rex",
    "richard",
    "rick",
    "rob",
    "robert",
    "rodney",
    "roger",
    "ron",
    "ronald",
    "roy",
    "ruben",
    "rudy",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scooter",
    "scott",
    "sean",
    "sergei",
    "shane",
    "simon",
    "spencer",
    "stan",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tommy",
    "tony",
    "travis",
    "trey",
    "troy",
    "tucker",
    "tyler",
    "vince",
    "vincent",
    "vladimir",
    "vladislav",
    "volodymyr",
    "walter",
    "wayne",
    "wesley",
    "william",
    "willie",
    "xavier",
    "yuri",
    "zach",
];

/// German cue verbs (`„…“, sagte Petersen`, `sagt er`, `betonte die Ministerin`):
/// present, preterite and participle (`hat gesagt`). Nouns that share a form
/// are left out: matched lowercase, so `Sagen` or `Erklärung` never cue.
pub const CUE_VERBS_DE: &[&str] = &[
    "antwortet",
    "antwortete",
    "behauptet",
    "behauptete",
    "bekräftigte",
    "berichtet",
    "berichtete",
    "betont",
    "betonte",
    "ergänzt",
    "ergänzte",
    "erklärt",
    "erklärte",
    "erläutert",
    "erläuterte",
    "erzählt",
    "erzählte",
    "fragt",
    "fragte",
    "fügte",
    "gesagt",
    "kritisierte",
    "mahnt",
    "mahnte",
    "meint",
    "meinte",
    "räumte",
    "sagt",
    "sagte",
    "sagten",
    "schreibt",
    "schrieb",
    "unterstreicht",
    "unterstrich",
    "versichert",
    "versicherte",
    "warnt",
    "warnte",
];

/// French cue verbs (`« … », explique X`, `a déclaré X`, `dit-il`): present,
/// and the participle of the passé composé after its auxiliary. Forms that
/// are English words too (`note`, `observe`, `résumé`) are left out.
pub const CUE_VERBS_FR: &[&str] = &[
    "affirme",
    "affirmé",
    "ajoute",
    "ajouté",
    "annonce",
    "annoncé",
    "assure",
    "assuré",
    "avertit",
    "confie",
    "confirme",
    "confirmé",
    "confié",
    "dit",
    "déclare",
    "déclaré",
    "estime",
    "estimé",
    "explique",
    "expliqué",
    "indique",
    "indiqué",
    "insiste",
    "insisté",
    "lance",
    "lancé",
    "martèle",
    "poursuit",
    "précise",
    "précisé",
    "prévient",
    "raconte",
    "raconté",
    "rappelle",
    "rappelé",
    "reconnaît",
    "reconnu",
    "regrette",
    "répond",
    "répondu",
    "souligne",
    "souligné",
    "tranche",
    "témoigne",
];

/// Spanish cue verbs (`“…”, afirmó la alcaldesa`, `dijo X`, `ha dicho X`):
/// present, preterite and participle. `cuenta` and `pregunta` are left out:
/// they are nouns too.
pub const CUE_VERBS_ES: &[&str] = &[
    "advierte",
    "advirtió",
    "afirma",
    "afirmado",
    "afirmó",
    "agrega",
    "agregó",
    "apuntó",
    "asegura",
    "asegurado",
    "aseguró",
    "añade",
    "añadió",
    "comentó",
    "concluyó",
    "contó",
    "declarado",
    "declaró",
    "destacó",
    "dice",
    "dicho",
    "dijo",
    "explica",
    "explicado",
    "explicó",
    "expresó",
    "indicó",
    "insistió",
    "lamentó",
    "manifestó",
    "precisó",
    "preguntó",
    "recordó",
    "relató",
    "respondió",
    "señala",
    "señalado",
    "señaló",
    "sostiene",
    "sostuvo",
    "subrayó",
];

/// Portuguese cue verbs (`“…”, disse X`, `afirmou o prefeito`): present and
/// preterite.
pub const CUE_VERBS_PT: &[&str] = &[
    "acrescentou",
    "admitiu",
    "afirma",
    "afirmou",
    "alertou",
    "avaliou",
    "comentou",
    "completou",
    "concluiu",
    "contou",
    "declarou",
    "defende",
    "defendeu",
    "destacou",
    "disse",
    "diz",
    "escreveu",
    "explica",
    "explicou",
    "garante",
    "garantiu",
    "lembrou",
    "perguntou",
    "questionou",
    "reconheceu",
    "respondeu",
    "ressaltou",
];

/// Auxiliaries that stand between a subject and a cue participle in other
/// languages (`X a déclaré`, `X ha dicho`, `X hat gesagt`): skipped like the
/// English fillers, but only before a cue of those languages, since `a` or
/// `ha` before an English verb is no auxiliary.
pub const AUXILIARIES: &[&str] = &[
    "a", "avait", "ha", "había", "habían", "han", "hat", "hatte", "ont",
];

/// Prepositions naming the source after them, like `according to`: `selon
/// le ministre`, `según X`, `laut X`, German `„…“, so X`, Portuguese
/// `segundo X`. Those that are common words otherwise ([`AFTER_QUOTE_SOURCE_MARKERS`])
/// only count right after a quote.
pub const SOURCE_MARKERS: &[&str] = &["laut", "segundo", "según", "selon", "so"];

/// Source markers that are also common words (`so`, Portuguese `segundo`,
/// "second"): a cue only right after a quote and its comma.
pub const AFTER_QUOTE_SOURCE_MARKERS: &[&str] = &["segundo", "so"];

/// Heads of German compound titles (`Pressesprecherin`, `Landesvorsitzende`,
/// `Oberbürgermeister`, `Nordnetz-Sprecherin`): a capitalised word longer
/// than one of these and ending with it is a title.
pub const TITLE_HEADS: &[&str] = &[
    "beauftragte",
    "beauftragter",
    "bürgermeister",
    "bürgermeisterin",
    "chef",
    "chefin",
    "direktor",
    "direktorin",
    "experte",
    "expertin",
    "forscher",
    "forscherin",
    "geschäftsführer",
    "geschäftsführerin",
    "leiter",
    "leiterin",
    "meister",
    "meisterin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sekretär",
    "sekretärin",
    "sprecher",
    "sprecherin",
    "trainer",
    "trainerin",
    "vorsitzende",
    "vorsitzender",
];

/// Japanese cue verbs, read right after the quote's `と`
/// (`「…」と述べた`, `「…」と指摘した`): the longest entry the text starts
/// with is the cue.
pub const JA_CUE_VERBS: &[&str] = &[
    "主張した",
    "強調",
    "強調した",
    "批判した",
    "指摘した",
    "明かした",
    "明らかにした",
    "発言した",
    "答えた",
    "表明した",
    "言う",
    "言った",
    "訴えた",
    "話し",
    "話した",
    "話している",
    "話す",
    "語った",
    "語っている",
    "語り",
    "語る",
    "説明",
    "説明した",
    "述べ",
    "述べた",
    "述べている",
];

/// Honorifics and titles written after a Japanese name (`田中浩二市長`,
/// `中村さん`, `佐藤氏`): stripped from a speaker, the longest first.
pub const JA_NAME_SUFFIXES: &[&str] = &[
    "さん",
    "代表",
    "会長",
    "准教授",
    "副市長",
    "区長",
    "医師",
    "大臣",
    "委員長",
    "官房長官",
    "局長",
    "市議",
    "市長",
    "幹事長",
    "弁護士",
    "所長",
    "教授",
    "村長",
    "校長",
    "氏",
    "理事長",
    "町長",
    "監督",
    "知事",
    "社長",
    "総裁",
    "記者",
    "課長",
    "議員",
    "議長",
    "選手",
    "部長",
    "長官",
    "院長",
    "首相",
];

/// A quote in a script written without spaces (Japanese `「…」`, Chinese)
/// needs at least this many letters instead of [`MIN_QUOTE_WORDS`]: a
/// Japanese word averages two to three characters, so four words make
/// about ten, while the terms and names set in brackets (`「働き方改革」`,
/// `「コンパクトシティ」`) stay under it.
pub const MIN_CJK_QUOTE_CHARS: usize = 10;

/// The language a cue verb belongs to: it decides which auxiliaries may
/// precede it and whether its subject may be left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueLanguage {
    English,
    German,
    French,
    Spanish,
    Portuguese,
}

impl CueLanguage {
    /// Spanish and Portuguese drop a pronoun subject (`“…”, preguntó.`):
    /// a cue of theirs without a subject speaks for the last person named.
    pub fn drops_subject(self) -> bool {
        matches!(self, CueLanguage::Spanish | CueLanguage::Portuguese)
    }
}

/// The cue verb lists by language, in priority order: a verb listed by
/// two languages belongs to the first.
const CUE_VERBS_BY_LANGUAGE: [(&[&str], CueLanguage); 5] = [
    (CUE_VERBS, CueLanguage::English),
    (CUE_VERBS_DE, CueLanguage::German),
    (CUE_VERBS_FR, CueLanguage::French),
    (CUE_VERBS_ES, CueLanguage::Spanish),
    (CUE_VERBS_PT, CueLanguage::Portuguese),
];

/// Every cue verb with its language ([`CUE_VERBS_BY_LANGUAGE`]) in one
/// map: the lookup runs for every word of a body outside quotes.
static CUE_LANGUAGES: LazyLock<FastMap<&'static str, CueLanguage>> = LazyLock::new(|| {
    let mut languages = FastMap::default();
    for (list, language) in CUE_VERBS_BY_LANGUAGE {
        for verb in list {
            languages.entry(*verb).or_insert(language);
        }
    }
    languages
});

/// The language of the cue verb `word` (lowercase), if it is one.
pub fn cue_language(word: &str) -> Option<CueLanguage> {
    CUE_LANGUAGES.get(word).copied()
}

/// Subject pronouns of other languages that stand for a speaker (`sagt er`,
/// `dit-elle`, `afirmou ela`), sorted, each with the English pronoun whose
/// rules it follows. German `sie` is taken as "she": after a quote it
/// almost always is.
pub const PRONOUN_EQUIVALENTS: &[(&str, &str)] = &[
    ("ela", "she"),
    ("ele", "he"),
    ("ella", "she"),
    ("elle", "she"),
    ("elles", "they"),
    ("er", "he"),
    ("il", "he"),
    ("ils", "they"),
    ("sie", "she"),
    ("\u{e9}l", "he"),
];

/// The English pronoun a speaker pronoun (lowercase) stands for: itself
/// for an English one, its equivalent for another language's.
pub fn speaker_pronoun(word: &str) -> Option<&'static str> {
    if let Some(english) = find_lower(SPEAKER_PRONOUNS, word) {
        return Some(english);
    }
    PRONOUN_EQUIVALENTS
        .binary_search_by(|(key, _)| (*key).cmp(word))
        .ok()
        .and_then(|i| PRONOUN_EQUIVALENTS.get(i))
        .map(|(_, english)| *english)
}

/// True if `word` (already lowercase) is in the sorted list `list`.
pub fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// The entry of the sorted list `list` equal to `word` lowercased, found
/// without allocating (the lookup runs once per word of a page).
pub fn find_lower(list: &[&'static str], word: &str) -> Option<&'static str> {
    if word.is_ascii() {
        // Byte order is char order in UTF-8: the ASCII word is compared
        // lowercased byte by byte, as it goes.
        let lower = || word.bytes().map(|b| b.to_ascii_lowercase());
        let index = list
            .binary_search_by(|probe| probe.bytes().cmp(lower()))
            .ok()?;
        return list.get(index).copied();
    }
    let index = list
        .binary_search_by(|probe| probe.chars().cmp(word.chars().flat_map(char::to_lowercase)))
        .ok()?;
    list.get(index).copied()
}

/// True if `word` lowercased is in the sorted list `list`.
pub fn contains_lower(list: &[&'static str], word: &str) -> bool {
    find_lower(list, word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_lower_finds_the_lowercased_word() {
        let lists = [
            TITLES,
            SOURCE_MARKERS,
            NOT_NAME_WORDS,
            TITLE_HEADS,
            CUE_VERBS_ES,
        ];
        for list in lists {
            let words = list.iter().flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}x"),
                    format!("A{w}"),
                ]
            });
            for word in words.chain(["", "Según", "SELON", "Ärztin", "zz"].map(String::from)) {
                let lower = word.to_lowercase();
                let want = list
                    .binary_search(&lower.as_str())
                    .ok()
                    .and_then(|i| list.get(i));
                assert_eq!(find_lower(list, &word), want.copied(), "{word}");
            }
        }
    }

    #[test]
    fn a_cue_verb_belongs_to_the_first_language_listing_it() {
        let first_listing = |word: &str| {
            CUE_VERBS_BY_LANGUAGE
                .iter()
                .find(|(list, _)| contains(list, word))
                .map(|(_, language)| *language)
        };
        let words = CUE_VERBS_BY_LANGUAGE
            .iter()
            .flat_map(|(list, _)| list.iter().copied())
            .chain(["", "the", "Said", "sagte er"]);
        for word in words {
            assert_eq!(cue_language(word), first_listing(word), "{word}");
        }
    }

    const ALL: &[(&str, &[&str])] = &[
        ("CUE_VERBS", CUE_VERBS),
        ("CUE_CIRCUMSTANCE_OPENERS", CUE_CIRCUMSTANCE_OPENERS),
        ("NAME_SUFFIXES", NAME_SUFFIXES),
        ("NOT_SUBJECT_OPENERS", NOT_SUBJECT_OPENERS),
        ("PARTICIPLE_CUES", PARTICIPLE_CUES),
        ("LISTENER_CUES", LISTENER_CUES),
        ("FORWARD_ONLY_CUES", FORWARD_ONLY_CUES),
        ("SPEAKER_PRONOUNS", SPEAKER_PRONOUNS),
        ("FIRST_PERSON", FIRST_PERSON),
        ("PERSON_PRONOUNS", PERSON_PRONOUNS),
        ("COORDINATORS", COORDINATORS),
        ("SUBJECT_CUE_FILLERS", SUBJECT_CUE_FILLERS),
        ("ROLE_DETERMINERS", ROLE_DETERMINERS),
        ("TITLES", TITLES),
        ("FEMALE_TITLES", FEMALE_TITLES),
        ("MALE_TITLES", MALE_TITLES),
        ("NAME_PARTICLES", NAME_PARTICLES),
        ("NOT_NAME_WORDS", NOT_NAME_WORDS),
        ("ORGANISATION_WORDS", ORGANISATION_WORDS),
        ("ABBREVIATIONS", ABBREVIATIONS),
        ("TITLE_CASE_SMALL_WORDS", TITLE_CASE_SMALL_WORDS),
        ("ROLE_PHRASE_STOPS", ROLE_PHRASE_STOPS),
        ("APPOSITIVE_OPENERS", APPOSITIVE_OPENERS),
        ("PREPOSITIONS", PREPOSITIONS),
        ("INDIRECT_SPEECH_OPENERS", INDIRECT_SPEECH_OPENERS),
        ("FEMALE_FIRST_NAMES", FEMALE_FIRST_NAMES),
        ("MALE_FIRST_NAMES", MALE_FIRST_NAMES),
        ("CUE_VERBS_DE", CUE_VERBS_DE),
        ("CUE_VERBS_FR", CUE_VERBS_FR),
        ("CUE_VERBS_ES", CUE_VERBS_ES),
        ("CUE_VERBS_PT", CUE_VERBS_PT),
        ("AUXILIARIES", AUXILIARIES),
        ("SOURCE_MARKERS", SOURCE_MARKERS),
        ("AFTER_QUOTE_SOURCE_MARKERS", AFTER_QUOTE_SOURCE_MARKERS),
        ("TITLE_HEADS", TITLE_HEADS),
        ("JA_CUE_VERBS", JA_CUE_VERBS),
        ("JA_NAME_SUFFIXES", JA_NAME_SUFFIXES),
    ];

    #[test]
    fn vocabularies_are_sorted_unique_and_lowercase() {
        for (name, list) in ALL {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for word in *list {
                assert_eq!(
                    *word,
                    word.to_lowercase(),
                    "{name}: {word} is not lowercase"
                );
            }
        }
    }

    #[test]
    fn gendered_titles_are_titles() {
        for word in FEMALE_TITLES.iter().chain(MALE_TITLES) {
            assert!(contains(TITLES, word), "{word}");
        }
    }

    #[test]
    fn participles_are_cue_verbs() {
        for word in PARTICIPLE_CUES {
            assert!(contains(CUE_VERBS, word), "{word}");
        }
    }

    #[test]
    fn lowercase_lookup_needs_no_lowercase_input() {
        assert_eq!(find_lower(TITLES, "President"), Some("president"));
        assert!(contains_lower(NOT_NAME_WORDS, "THE"));
        assert!(!contains_lower(NOT_NAME_WORDS, "Tokayev"));
        assert!(!contains_lower(NOT_NAME_WORDS, "Ärger"));
        assert!(!contains_lower(NOT_NAME_WORDS, &"the".repeat(20)));
    }

    #[test]
    fn contains_finds_words_by_binary_search() {
        assert!(contains(CUE_VERBS, "said"));
        assert!(contains(CUE_VERBS, "told"));
        assert!(!contains(CUE_VERBS, "states"));
    }
}
