/// English personal names, with the nicknames and spellings the same person turns up under in a
/// second system (Robert / Bob, Katherine / Catherine).
enum EnglishNames {
    /// (formal first name, nicknames, alternative spellings).
    static let firstNames: [(String, [String], [String])] = [
        ("Robert", ["Bob", "Rob", "Bobby"], []), ("William", ["Bill", "Will", "Liam"], []), ("Richard", ["Rick", "Dick"], []),
        ("James", ["Jim", "Jimmy"], []), ("John", ["Jack", "Johnny"], ["Jon"]), ("Michael", ["Mike"], ["Micheal"]),
        ("Elizabeth", ["Liz", "Beth", "Betty"], ["Elisabeth"]), ("Katherine", ["Kate", "Kathy", "Katie"], ["Catherine", "Kathryn"]),
        ("Margaret", ["Maggie", "Peggy"], []), ("Jennifer", ["Jen", "Jenny"], []), ("Christopher", ["Chris"], ["Kristopher"]),
        ("Thomas", ["Tom", "Tommy"], []), ("Daniel", ["Dan", "Danny"], []), ("Matthew", ["Matt"], ["Mathew"]),
        ("Anthony", ["Tony"], []), ("Joseph", ["Joe", "Joey"], []), ("Charles", ["Charlie", "Chuck"], []),
        ("Steven", ["Steve"], ["Stephen"]), ("Andrew", ["Andy", "Drew"], []), ("Jonathan", ["Jon"], ["Johnathan"]),
        ("Nicholas", ["Nick"], ["Nicolas"]), ("Samuel", ["Sam"], []), ("Benjamin", ["Ben"], []), ("Alexander", ["Alex"], []),
        ("Patricia", ["Pat", "Patty"], []), ("Susan", ["Sue"], ["Suzan"]), ("Deborah", ["Debbie", "Deb"], ["Debra"]),
        ("Rebecca", ["Becky"], ["Rebekah"]), ("Jessica", ["Jess"], []), ("Victoria", ["Vicky", "Tori"], []),
        ("Edward", ["Ed", "Ted", "Eddie"], []), ("Timothy", ["Tim"], []), ("Kenneth", ["Ken", "Kenny"], []),
        ("Gregory", ["Greg"], []), ("Ronald", ["Ron"], []), ("Donald", ["Don"], []), ("Lawrence", ["Larry"], ["Laurence"]),
        ("David", ["Dave"], []), ("Peter", ["Pete"], []), ("Frederick", ["Fred"], ["Frederic"]), ("Henry", ["Harry", "Hank"], []),
        ("Abigail", ["Abby"], []), ("Cynthia", ["Cindy"], []), ("Sarah", [], ["Sara"]), ("Anne", ["Annie"], ["Ann"]),
        ("Jeffrey", ["Jeff"], ["Geoffrey"]), ("Philip", ["Phil"], ["Phillip"]), ("Emily", ["Em"], ["Emilie"]),
        ("Laura", [], ["Lora"]), ("Linda", [], []), ("Karen", [], ["Caren"]), ("Nancy", [], []), ("Lisa", [], []),
        ("Mark", [], ["Marc"]), ("Paul", [], []), ("Brian", [], ["Bryan"]), ("Kevin", [], []), ("Jason", [], []),
        ("Eric", [], ["Erik"]), ("Amy", [], ["Aimee"]), ("Grace", [], []), ("Olivia", ["Liv"], []), ("Sophia", [], ["Sofia"]),
        ("Isabella", ["Bella", "Izzy"], []), ("Natalie", ["Nat"], ["Nathalie"]), ("Zachary", ["Zach"], ["Zackary"]),
    ]

    static let lastNames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson", "Martinez",
        "Anderson", "Taylor", "Thomas", "Hernandez", "Moore", "Martin", "Jackson", "Thompson", "White", "Lopez", "Lee",
        "Gonzalez", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Perez", "Hall", "Young", "Allen", "Sanchez",
        "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts",
        "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
        "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward",
        "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Hughes", "Price", "Myers",
        "Long", "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell", "O'Brien", "McDonald", "Schmidt",
        "Müller", "Dubois", "Tanaka", "Nguyen", "Kim", "Patel", "Singh", "Rossi", "Kowalski",
    ]
}
