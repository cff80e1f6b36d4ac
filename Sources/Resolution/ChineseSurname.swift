/// Compound (two-character) Chinese surnames, so a name's given part can be told from its
/// family part: 司马华 is 司马 + 华, not 司 + 马华.
enum ChineseSurname {
    static let compound: Set<UInt64> = {
        let names = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
                     "令狐", "端木", "澹台", "轩辕", "西门", "南宫", "独孤", "呼延", "申屠", "太史", "钟离", "闻人", "赫连"]
        return Set(names.map { n in
            let s = Array(n.unicodeScalars)
            return UInt64(s[0].value) << 32 | UInt64(s[1].value)
        })
    }()

    /// Characters of `name` that are its surname: 2 for a compound surname, else 1 (0 if empty).
    static func length(_ name: UnsafeBufferPointer<UInt32>) -> Int {
        guard name.count >= 1 else { return 0 }
        if name.count >= 3, compound.contains(UInt64(name[0]) << 32 | UInt64(name[1])) { return 2 }
        return 1
    }
}
