/// ITU country calling codes are prefix-free, so the code of an international number is the one
/// prefix of its digits found in this list. The list covers the codes CRM data here meets; a
/// number under a code not listed is flagged, never guessed.
enum CountryCallingCode {
    static let codes: Set<String> = [
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
        "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98", "212", "213", "216", "218", "234",
        "254", "255", "351", "352", "353", "354", "358", "370", "371", "372", "380", "420", "421", "852", "853",
        "855", "856", "880", "886", "960", "961", "962", "963", "964", "965", "966", "971", "972", "973", "974",
        "975", "976", "977", "992", "993", "994", "995", "996", "998",
    ]

    static func prefix(of digits: [UInt8]) -> [UInt8]? {
        for length in 1...3 where digits.count > length {
            let p = Array(digits.prefix(length))
            if codes.contains(PhoneNormalizer.text(p)) { return p }
        }
        return nil
    }
}
