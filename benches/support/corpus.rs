//! A deterministic corpus of realistic care-chat messages for benchmarks: a seeded mix of clean messages
//! and messages with findings, in sv, da, nb and en, 20-300 bytes, about a third with digits. Written for
//! the benchmarks (no shared corpus lines).

/// xorshift64*: small, seeded, reproducible across platforms.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const CLEAN: &[&str] = &[
    "Kan någon ta mitt kvällspass på fredag? Byter gärna mot söndag",
    "Lunch på thailändskan idag? Jag har rast {T}",
    "Glöm inte APT på onsdag kl {T} i stora mötesrummet",
    "Nyckeln till bil {N} ligger i nyckelskåpet, tanken är nästan tom",
    "Tack för idag alla, grym insats på en tung dag 💪",
    "Utbildning om demens och bemötande på torsdag, anmälan till Maria",
    "Husk personalemøde i morgen kl {T}, vi bestiller smørrebrød",
    "Er der nogen der vil bytte vagt i uge {N}? Jeg har bryllup",
    "Kursus i forflytning d. {N}. maj, der er 3 pladser tilbage",
    "Køleskabet i personalestuen bliver tømt fredag, tag jeres ting",
    "Noen som vil bytte helg uke {N}? Søstera mi gifter seg",
    "Møtet er flyttet til rom {N} i andre etasje, det med stor skjerm",
    "Kurs i demens og kommunikasjon på onsdag kl {T}, påmelding til Ingrid",
    "Takk for i dag alle sammen! Tøff dag, men dere er gull",
    "Anyone fancy swapping my Sunday late for your Saturday early?",
    "Dementia awareness workshop on Thursday in the training room, lunch provided",
    "Fire alarm test at {T} tomorrow, no need to evacuate",
    "We ran out of medium gloves again, I've put in an order",
    "Can we get a new kettle for the staff room? Current one trips the fuse",
    "ok",
    "👍",
];

const FLAGGED: &[&str] = &[
    "Brukaren på rum {N} har fått feber igen och hostar, ring ssk?",
    "Kan nån kolla blodsockret på fru {I} i rum {N} innan lunch, hon var skakig i morse",
    "{NAME} på {N}:an har ramlat igen, blåmärke på höften",
    "{A}-åringen på korttids har börjat prata om att dö, vad gör vi?",
    "Dottern till hr {I} ringde och skrek igen, hon vill att vi slutar ge honom lugnande",
    "Skickar personnumret: {PNR}, han ska till tandläkaren på tisdag",
    "Ring dottern på 07{N}-{N}{N} {N} {N} om det är något",
    "Beboeren på stue {N} har fået et tryksår på hælen, husk at vende hende",
    "hr. {I} er faldet igen i nat, har en stor bule i panden. Datteren er ringet op",
    "Jeg lægger et billede af fru Hansen fra sommerfesten op på min Facebook",
    "Manden med papegøjen på {N}. sal vil ikke i bad, lugter ret slemt nu",
    "Pasienten på rom {N} har hatt diaré hele natta, spl er varslet",
    "Fru {I} i {N}. etg nektet å ta Albyl i dag igjen, hva gjør vi",
    "Tok et bilde av {NAME} på festen, legger det ut på Facebook",
    "Bekymringsmelding til barnevernet om jenta i {N}B er sendt i dag",
    "the resident in room {N} had another fall last night, bruise on her hip",
    "Mrs {I} refused her meds again this morning and threw the cup at me",
    "The lady in room {N} with dementia fell again, daughter has been told",
    "Can someone send me a pic of Mr Olsen's pressure sore on WhatsApp?",
];

const NAMES: &[&str] = &["Kalle", "Gunnar", "Ruth", "Inger", "Arne", "Solveig", "Doris", "Ellen", "Poul", "Karen"];
const FILLER: &[&str] = &[
    " Tack på förhand!",
    " Hälsningar från kvällen.",
    " Tak for hjælpen i dag.",
    " Takk for hjelpen.",
    " Thanks in advance, see you tomorrow.",
    " 🙏",
];

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        match &rest[open + 1..close] {
            "N" => out.push_str(&(1 + rng.below(40)).to_string()),
            "A" => out.push_str(&(70 + rng.below(30)).to_string()),
            "T" => out.push_str(&format!("{}.{:02}", 7 + rng.below(14), 15 * rng.below(4))),
            "I" => out.push(char::from(b'A' + rng.below(26) as u8)),
            "NAME" => out.push_str(rng.pick(NAMES)),
            "PNR" => out.push_str(&format!(
                "{:02}{:02}{:02}-{:04}",
                30 + rng.below(60),
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(10_000)
            )),
            other => panic!("unknown slot {other}"),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `n` messages, about 30 % with findings, lengths 2-300 bytes (mostly 40-160), seeded.
pub fn messages(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut m =
                if rng.below(10) < 3 { fill(rng.pick(FLAGGED), &mut rng) } else { fill(rng.pick(CLEAN), &mut rng) };
            // Some messages run longer: a greeting or sign-off, sometimes two.
            while m.len() < 280 && rng.below(4) == 0 {
                m.push_str(rng.pick(FILLER));
            }
            m
        })
        .collect()
}

/// `n` messages within 25 % of `len` bytes each (for the 80-byte latency target), seeded.
pub fn messages_of_length(n: usize, len: usize, seed: u64) -> Vec<String> {
    let near: Vec<String> = messages(n * 8, seed).into_iter().filter(|m| m.len().abs_diff(len) <= len / 4).collect();
    assert!(!near.is_empty(), "no generated message near {len} bytes");
    near.into_iter().cycle().take(n).collect()
}
