/// English given-name nicknames and the formal name they stand for, so `Bob Smith` and
/// `Robert Smith` can be recognised as one person. Matching uses it; display never does.
public enum Nicknames {
    public static let formal: [String: String] = {
        let groups: [(String, [String])] = [
            ("robert", ["bob", "bobby", "rob", "robbie", "bert"]), ("william", ["bill", "billy", "will", "willy", "liam"]),
            ("richard", ["rick", "ricky", "dick", "rich"]), ("james", ["jim", "jimmy", "jamie"]),
            ("john", ["johnny", "jack", "jon"]), ("michael", ["mike", "mikey", "mick"]),
            ("elizabeth", ["liz", "lizzie", "beth", "betty", "eliza", "lisa"]), ("margaret", ["maggie", "meg", "peggy", "marge"]),
            ("katherine", ["kate", "katie", "kathy", "cathy", "kat", "catherine", "kathryn"]),
            ("jennifer", ["jen", "jenny"]), ("christopher", ["chris", "kit"]), ("christine", ["chris", "tina", "christina"]),
            ("thomas", ["tom", "tommy"]), ("joseph", ["joe", "joey"]), ("daniel", ["dan", "danny"]),
            ("david", ["dave", "davy"]), ("matthew", ["matt"]), ("anthony", ["tony"]), ("andrew", ["andy", "drew"]),
            ("edward", ["ed", "eddie", "ted", "ned"]), ("charles", ["charlie", "chuck"]), ("steven", ["steve", "stephen"]),
            ("benjamin", ["ben", "benny"]), ("samuel", ["sam", "sammy"]), ("alexander", ["alex", "sasha"]),
            ("nicholas", ["nick", "nicky"]), ("patricia", ["pat", "patty", "trish"]), ("susan", ["sue", "susie"]),
            ("deborah", ["deb", "debbie"]), ("rebecca", ["becky", "becca"]), ("jonathan", ["jonny"]),
            ("timothy", ["tim", "timmy"]), ("kenneth", ["ken", "kenny"]), ("gregory", ["greg"]), ("jeffrey", ["jeff"]),
            ("peter", ["pete"]), ("raymond", ["ray"]), ("lawrence", ["larry"]), ("ronald", ["ron", "ronnie"]),
            ("donald", ["don", "donnie"]), ("victoria", ["vicky", "tori"]), ("alexandra", ["alexa", "sandra"]),
            ("abigail", ["abby"]), ("amanda", ["mandy"]), ("samantha", ["sam"]), ("jessica", ["jess", "jessie"]),
        ]
        var m: [String: String] = [:]
        for (formal, nicks) in groups {
            for n in nicks where m[n] == nil { m[n] = formal }
        }
        return m
    }()

    /// The formal form of a lower-cased given name, or the name itself.
    public static func canonical(_ lowercasedName: String) -> String { formal[lowercasedName] ?? lowercasedName }
}
