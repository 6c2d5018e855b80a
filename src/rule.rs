//! The rule registry: every finding carries one of these rules, with a stable id, a category, a default
//! severity and an explanation in each language. `carelint rules` and `carelint explain ID` print from here.

use serde::Serialize;

use crate::lang::Lang;

/// What a finding is about. Serialized in kebab-case (`care-recipient`, `health`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A specific person receiving care or support.
    CareRecipient,
    /// Diagnoses, symptoms, medications, treatments, injuries, mental state, bodily functions, death.
    Health,
    /// Social-services matters: benefits, guardianship, child protection, addiction, placements, police.
    Social,
    /// Names, initials, national ID numbers, phones, emails, street addresses, dates of birth.
    Identifier,
    /// Rooms, flats, wards, units, floors.
    Location,
    /// Ages, former occupations, distinctive descriptions.
    Demographic,
    /// Relatives of the person.
    Relation,
    /// Photos and videos of care recipients or children; work photos on private social media.
    Media,
    /// Moving care details to private channels (WhatsApp, Messenger, private email).
    Channel,
}

impl Category {
    /// Every category, in output order.
    pub const ALL: [Category; 9] = [
        Category::CareRecipient,
        Category::Health,
        Category::Social,
        Category::Identifier,
        Category::Location,
        Category::Demographic,
        Category::Relation,
        Category::Media,
        Category::Channel,
    ];

    /// The kebab-case name used in output and corpora.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::CareRecipient => "care-recipient",
            Category::Health => "health",
            Category::Social => "social",
            Category::Identifier => "identifier",
            Category::Location => "location",
            Category::Demographic => "demographic",
            Category::Relation => "relation",
            Category::Media => "media",
            Category::Channel => "channel",
        }
    }

    /// Parses the kebab-case name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// How serious a finding or a verdict is. Ordered: `Info < Warn < Block`. A finding's severity follows
/// its weight: from the `warn` threshold of the scoring it is `warn`, from `block` it is `block`; a rule's
/// default severity is the one its default weight gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Noted, but harmless on its own.
    Info,
    /// Probably about a care recipient: rewrite before sending.
    Warn,
    /// A confidentiality breach: do not send.
    Block,
}

impl Severity {
    /// `info`, `warn` or `block`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident => {
        id: $id:literal, name: $name:literal, category: $cat:ident, severity: $sev:ident,
        summary: $summary:literal,
        why: $why:literal,
        example: $example:literal,
        instead: $instead:literal,
        sv: $sv:literal, da: $da:literal, nb: $nb:literal, en: $en:literal $(,)?
    } ),* $(,)?) => {
        /// A rule: what kind of finding this is. Ids are stable and kebab-case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule { $( #[doc = $summary] $variant ),* }

        impl Rule {
            /// Every rule, in registry order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant ),* ];

            /// The stable id (`health-term`, `initial-ref`, …).
            pub fn id(self) -> &'static str { match self { $( Rule::$variant => $id ),* } }
            /// A short human name.
            pub fn name(self) -> &'static str { match self { $( Rule::$variant => $name ),* } }
            /// The category of its findings.
            pub fn category(self) -> Category { match self { $( Rule::$variant => Category::$cat ),* } }
            /// The severity a finding of this rule has on its own (the verdict weighs findings together).
            pub fn default_severity(self) -> Severity { match self { $( Rule::$variant => Severity::$sev ),* } }
            /// One line: what the rule catches.
            pub fn summary(self) -> &'static str { match self { $( Rule::$variant => $summary ),* } }
            /// Why it matters.
            pub fn why(self) -> &'static str { match self { $( Rule::$variant => $why ),* } }
            /// An example message the rule flags.
            pub fn example(self) -> &'static str { match self { $( Rule::$variant => $example ),* } }
            /// What to write instead.
            pub fn instead(self) -> &'static str { match self { $( Rule::$variant => $instead ),* } }
            /// The short explanation shown with a finding, in the message's language.
            pub fn message(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Rule::$variant, Lang::Sv) => $sv,
                       (Rule::$variant, Lang::Da) => $da,
                       (Rule::$variant, Lang::Nb) => $nb,
                       (Rule::$variant, Lang::En) => $en, )*
                }
            }
        }
    };
}

rules! {
    CareRecipientRef => {
        id: "care-recipient-ref", name: "Care-recipient reference", category: CareRecipient, severity: Info,
        summary: "A reference to one specific care recipient: a definite care noun or a pointing phrase (`brukaren`, `beboeren`, `the resident`, `damen`, `diabetesdamen`).",
        why: "A definite singular noun points at one person. Anonymizing does not help: colleagues add the room, the age, the illness until everyone knows who it is.",
        example: "Brukaren på rum 5 har feber igen.",
        instead: "Write nothing about the person in chat. Document in the care record; call the nurse on duty.",
        sv: "Pekar ut en viss brukare. Även utan namn kan kollegor räkna ut vem det gäller.",
        da: "Peger på en bestemt borger. Selv uden navn kan kolleger regne ud, hvem det er.",
        nb: "Peker ut en bestemt bruker. Selv uten navn kan kolleger skjønne hvem det gjelder.",
        en: "Points at one specific care recipient. Even without a name, colleagues can work out who it is.",
    },
    PersonPronoun => {
        id: "person-pronoun", name: "Third-person pronoun", category: CareRecipient, severity: Info,
        summary: "A third-person pronoun or possessive (`hon`, `hennes`, `ham`, `her`) next to a care detail.",
        why: "Ties a detail to one person. Weak on its own (staff talk about each other too), reported only when the message also has a care detail.",
        example: "Hon har fått ny dos morfin.",
        instead: "Leave the person out of the chat altogether.",
        sv: "Knyter uppgiften till en viss person.",
        da: "Knytter oplysningen til en bestemt person.",
        nb: "Knytter opplysningen til en bestemt person.",
        en: "Ties the detail to one person.",
    },
    PersonName => {
        id: "person-name", name: "First name", category: Identifier, severity: Info,
        summary: "A common first name. Weak alone (staff use first names for each other), strong with a care detail.",
        why: "A first name plus a care detail identifies the person directly.",
        example: "Ruth har fått ny dos.",
        instead: "Do not write about the person in chat; use the care record.",
        sv: "Ett förnamn. Tillsammans med en vårduppgift identifierar det personen.",
        da: "Et fornavn. Sammen med en omsorgsoplysning identificerer det personen.",
        nb: "Et fornavn. Sammen med en omsorgsopplysning identifiserer det personen.",
        en: "A first name. Together with a care detail it identifies the person.",
    },
    TitledName => {
        id: "titled-name", name: "Name with title", category: Identifier, severity: Info,
        summary: "A surname or first name after a title (`Fru Svensson`, `hr. Nielsen`, `Mr Olsen`, `tant Ella`).",
        why: "Titles are how residents are named in elderly care; with a title the name points at one person.",
        example: "Fru Svensson har fått diagnosen Alzheimer.",
        instead: "Do not name the person in chat; use the care record.",
        sv: "Namn med titel pekar ut en viss person.",
        da: "Navn med titel peger på en bestemt person.",
        nb: "Navn med tittel peker ut en bestemt person.",
        en: "A name with a title points at one person.",
    },
    InitialRef => {
        id: "initial-ref", name: "Initials", category: Identifier, severity: Info,
        summary: "Initials standing for a person: `fru J`, `hr. B`, `Mrs T`, `A.`, `M.K.`, `Ingrid K`.",
        why: "Initials are not anonymous among colleagues who know the residents.",
        example: "Kan nån kolla blodsockret på fru J?",
        instead: "Leave the person out of the chat altogether.",
        sv: "Initialer är inte anonyma bland kollegor som känner brukarna.",
        da: "Initialer er ikke anonyme blandt kolleger, der kender borgerne.",
        nb: "Initialer er ikke anonyme blant kolleger som kjenner brukerne.",
        en: "Initials are not anonymous among colleagues who know the residents.",
    },
    HealthTerm => {
        id: "health-term", name: "Health information", category: Health, severity: Info,
        summary: "Diagnoses, symptoms, injuries, treatments, bodily functions, mental state, death.",
        why: "Health information is the most sensitive kind of personal data. About a specific person it must not leave the care record.",
        example: "Damen i rum 14 har trycksår på hälen.",
        instead: "General talk (a course on dementia) is fine; about a person, use the care record.",
        sv: "Hälsouppgift. Om en viss person får den inte skrivas i chatten, även utan namn.",
        da: "Helbredsoplysning. Om en bestemt person må den ikke skrives i chatten, heller ikke uden navn.",
        nb: "Helseopplysning. Om en bestemt person skal den ikke skrives i chatten, heller ikke uten navn.",
        en: "Health information. About a specific person it must not go in the chat, even without a name.",
    },
    Medication => {
        id: "medication", name: "Medication", category: Health, severity: Info,
        summary: "Medicines by brand or generic name, doses and medication events.",
        why: "What a person takes reveals their illness.",
        example: "Hr B fick Oxascand 5 mg kl 02.",
        instead: "Medication belongs in the medication record and the handover, not in chat.",
        sv: "Läkemedelsuppgift. Vad en person tar avslöjar sjukdomen.",
        da: "Medicinoplysning. Hvad en person tager, afslører sygdommen.",
        nb: "Legemiddelopplysning. Hva en person tar, avslører sykdommen.",
        en: "Medication detail. What a person takes reveals their illness.",
    },
    SocialTerm => {
        id: "social-term", name: "Social-services matter", category: Social, severity: Info,
        summary: "Benefits, guardianship, child-protection reports, placements, addiction, police, eviction.",
        why: "Social-services matters are protected by secrecy as strictly as health data.",
        example: "Mamman till Liam hämtade påverkad, vi gör en orosanmälan.",
        instead: "Use the case system and talk to your manager; never in chat.",
        sv: "Uppgift om socialtjänstärende. Omfattas av sekretess.",
        da: "Oplysning om en social sag. Er omfattet af tavshedspligt.",
        nb: "Opplysning om en sosial sak. Er underlagt taushetsplikt.",
        en: "A social-services matter. It is covered by confidentiality.",
    },
    Relative => {
        id: "relative", name: "Relative", category: Relation, severity: Info,
        summary: "A relative of a third person: `hennes dotter`, `sønnen`, `her son`.",
        why: "Relatives are one more detail that tells colleagues who the person is, and they have a right to privacy too.",
        example: "Dottern till hr B ringde och skrek igen.",
        instead: "Leave relatives out of the chat.",
        sv: "Anhörig till en person: ytterligare en detalj som visar vem det gäller.",
        da: "Pårørende til en person: endnu en detalje, der viser hvem det er.",
        nb: "Pårørende til en person: enda en detalj som viser hvem det gjelder.",
        en: "A relative of the person: one more detail that shows who it is.",
    },
    PersonDescription => {
        id: "person-description", name: "Describing detail", category: Demographic, severity: Info,
        summary: "A distinctive description: former occupation, `damen som var lärare`, `manden med papegøjen`, `the man with the parrot tattoo`.",
        why: "A description is a name in disguise: there is only one lady who was a teacher on the ward.",
        example: "Damen som var lärare vägrade ta sina tabletter.",
        instead: "Do not describe the person in chat.",
        sv: "En beskrivning som pekar ut personen lika tydligt som ett namn.",
        da: "En beskrivelse, der peger personen ud lige så tydeligt som et navn.",
        nb: "En beskrivelse som peker ut personen like tydelig som et navn.",
        en: "A description that points at the person as clearly as a name.",
    },
    Age => {
        id: "age", name: "Age", category: Demographic, severity: Info,
        summary: "An age: `92-åringen`, `93 år`, `92-årige`, `27 år`, `91 yr old`.",
        why: "An age narrows a ward down to one person.",
        example: "92-åringen som fick ny höft har börjat prata om att dö.",
        instead: "Leave ages out of the chat.",
        sv: "Ålder. Gör det lätt att räkna ut vem det gäller.",
        da: "Alder. Gør det let at regne ud, hvem det er.",
        nb: "Alder. Gjør det lett å skjønne hvem det gjelder.",
        en: "An age. It makes it easy to work out who it is.",
    },
    RoomNumber => {
        id: "room-number", name: "Room or flat", category: Location, severity: Info,
        summary: "A room, flat or bed tied to a person: `rum 14`, `lgh 1102`, `stue 4`, `rom 7`, `14:an`, `7'eren`, `på 17`.",
        why: "On a ward, the room number is as good as the name.",
        example: "Hon på 22:an har slutat äta.",
        instead: "Meeting rooms are fine; a resident's room is not.",
        sv: "Rumsnummer. På en avdelning är rummet lika bra som namnet.",
        da: "Stue- eller lejlighedsnummer. På en afdeling er det lige så godt som navnet.",
        nb: "Romnummer. På en avdeling er rommet like godt som navnet.",
        en: "A room number. On a ward the room is as good as the name.",
    },
    CareUnit => {
        id: "care-unit", name: "Ward or unit", category: Location, severity: Info,
        summary: "A ward, unit, floor or care setting that places a person: `avd 3`, `2. etg`, `korttids`, `bofællesskabet`.",
        why: "With any other detail, the unit narrows who it is.",
        example: "Hr. Lind på korttids hade blod i urinen.",
        instead: "Leave the unit out when writing about a person.",
        sv: "Avdelning eller enhet. Tillsammans med andra detaljer pekar den ut personen.",
        da: "Afdeling eller enhed. Sammen med andre detaljer peger den personen ud.",
        nb: "Avdeling eller enhet. Sammen med andre detaljer peker den ut personen.",
        en: "A ward or unit. With other details it points at the person.",
    },
    MediaShare => {
        id: "media-share", name: "Photo or video", category: Media, severity: Info,
        summary: "Photos and videos of residents or children, and work photos posted on private social media.",
        why: "Photos of care recipients or children must never go to private phones, chats or social media; publishing goes only through official channels, with consent. A photo from work on your own Instagram is not allowed even with no resident in it.",
        example: "Tar en bild på Gunnar och lägger upp på min insta.",
        instead: "Use the organisation's device and official channel, with consent.",
        sv: "Bild eller film. Bilder på brukare eller barn, och bilder från jobbet, får inte delas privat eller i egna sociala medier.",
        da: "Billede eller video. Billeder af borgere eller børn og billeder fra arbejdet må ikke deles privat eller på egne sociale medier.",
        nb: "Bilde eller video. Bilder av brukere eller barn, og bilder fra jobben, skal ikke deles privat eller i egne sosiale medier.",
        en: "Photo or video. Photos of residents or children, and photos from work, must not be shared privately or on your own social media.",
    },
    PrivateChannel => {
        id: "private-channel", name: "Private channel", category: Channel, severity: Info,
        summary: "Moving care details to WhatsApp, Messenger, Snapchat, SMS or private email.",
        why: "A closed group changes nothing, and these services also hand the data to a private company.",
        example: "Kan vi ta detta på whatsapp istället?",
        instead: "Use the organisation's secure systems.",
        sv: "Privat kanal. Appen lämnar dessutom ut uppgifterna till ett privat företag.",
        da: "Privat kanal. Appen giver desuden oplysningerne til en privat virksomhed.",
        nb: "Privat kanal. Appen gir dessuten opplysningene til et privat selskap.",
        en: "A private channel. The app also hands the data to a private company.",
    },
    NationalId => {
        id: "national-id", name: "National ID number", category: Identifier, severity: Block,
        summary: "A valid personnummer, samordningsnummer, CPR, fødselsnummer, D-/H-/FH-nummer or henkilötunnus (check digits and date validated).",
        why: "An ID number identifies the person beyond doubt.",
        example: "Personnumret är 410923-4481.",
        instead: "Never write ID numbers in chat.",
        sv: "Personnummer. Identifierar personen helt.",
        da: "CPR-nummer. Identificerer personen fuldt ud.",
        nb: "Fødselsnummer. Identifiserer personen fullt ut.",
        en: "A national ID number. It identifies the person beyond doubt.",
    },
    Phone => {
        id: "phone-number", name: "Phone number", category: Identifier, severity: Info,
        summary: "A phone number. A finding at `warn` when tied to a person or relative; the workplace's own number alone passes.",
        why: "A private phone number identifies the person or their relative.",
        example: "Ring dottern på 076-210 33 91.",
        instead: "Look numbers up in the care record.",
        sv: "Telefonnummer som hör till en person.",
        da: "Telefonnummer, der hører til en person.",
        nb: "Telefonnummer som hører til en person.",
        en: "A phone number belonging to a person.",
    },
    Email => {
        id: "email-address", name: "Email address", category: Identifier, severity: Info,
        summary: "An email address.",
        why: "A private email address identifies the person or their relative.",
        example: "mamman har mejlat från anna.berg84@gmail.com",
        instead: "Look addresses up in the care record.",
        sv: "E-postadress som kan identifiera en person.",
        da: "E-mailadresse, der kan identificere en person.",
        nb: "E-postadresse som kan identifisere en person.",
        en: "An email address that can identify a person.",
    },
    StreetAddress => {
        id: "street-address", name: "Street address", category: Identifier, severity: Info,
        summary: "A street address (`Storgatan 12`, `Vestergade 4, 2. tv`, `Kirkeveien 5B`, `14 Birch Lane`) or postcode with town.",
        why: "In home care the address is the person.",
        example: "Brukaren på Björkvägen 12 behöver extra tid.",
        instead: "Use the route planner and the care record, not the chat.",
        sv: "Adress. I hemtjänsten är adressen personen.",
        da: "Adresse. I hjemmeplejen er adressen personen.",
        nb: "Adresse. I hjemmetjenesten er adressen personen.",
        en: "An address. In home care the address is the person.",
    },
    BirthDate => {
        id: "birth-date", name: "Date of birth", category: Demographic, severity: Info,
        summary: "A date or year of birth (`född 12/3 1938`, `f. 1931`, `født 12.03.38`).",
        why: "A birth date together with anything else identifies the person.",
        example: "Gerda (f. 1931) ska inte längre ha Marevan.",
        instead: "Leave birth dates out of the chat.",
        sv: "Födelsedatum. Identifierar personen tillsammans med andra uppgifter.",
        da: "Fødselsdato. Identificerer personen sammen med andre oplysninger.",
        nb: "Fødselsdato. Identifiserer personen sammen med andre opplysninger.",
        en: "A date of birth. With anything else it identifies the person.",
    },
}

impl Rule {
    /// Looks a rule up by its id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &rule in Rule::ALL {
            assert!(seen.insert(rule.id()), "duplicate id {}", rule.id());
            assert!(rule.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", rule.id());
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            for lang in Lang::ALL {
                assert!(!rule.message(lang).is_empty());
            }
        }
    }
}
