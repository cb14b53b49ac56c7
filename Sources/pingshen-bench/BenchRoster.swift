import Foundation
import Records

/// The generated committees' rosters: members M01… (or M001…) with a chair and two vice-chairs,
/// and candidates whose details vary with their number.
enum BenchRoster {
    static func members(_ count: Int, idDigits: Int) -> [Member] {
        (1...count).map { n in
            Member(id: String(format: "M%0\(idDigits)d", n), name: "委员\(n)", office: n == 1 ? .chair : (n <= 3 ? .viceChair : .member),
                   unit: "单位\(n)", panel: "评议组\(n % 3 + 1)")
        }
    }

    /// Candidate number `n`, applying from `current` to `applied` at `level`.
    static func candidate(_ n: Int, id: String, name: String, current: String, applied: String, level: String) -> Candidate {
        Candidate(id: id, name: name, gender: n % 2 == 0 ? "女" : "男",
                  born: "19\(70 + n % 25)-0\(n % 9 + 1)", unit: "企业\(n % 97)", education: ["博士研究生", "硕士研究生", "大学本科"][n % 3],
                  currentTitle: current, appliedTitle: applied, series: "工程", specialty: "电子信息", level: level,
                  exceptional: n % 17 == 0, panel: "评议组\(n % 3 + 1)")
    }
}
