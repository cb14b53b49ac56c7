import Records

/// Parses `C01=同意` arguments; `C01=同意+不同意` or a repeated id gives several marks.
func parsePairs(_ arguments: [String]) throws -> [(candidate: CandidateID, mark: String)] {
    try arguments.map { argument in
        guard let eq = argument.firstIndex(of: "=") else {
            throw CommandFailure.badInput("“\(argument)”应写成 申报人编号=意见，如 C01=同意", "'\(argument)' should read CANDIDATE=MARK, e.g. C01=同意")
        }
        let id = String(argument[..<eq]).trimmingWhitespace()
        guard !id.isEmpty else { throw CommandFailure.badInput("“\(argument)”缺少申报人编号", "'\(argument)' lacks the candidate id") }
        return (id, String(argument[argument.index(after: eq)...]))
    }
}

/// Reads `C01=同意` style pairs into a ballot's choices, refusing a candidate named twice or
/// a mark that is not 同意/不同意/弃权 (an electronic ballot cannot be spoilt by accident).
func readChoices(_ pairs: [(candidate: CandidateID, mark: String)]) throws -> [CandidateID: Choice] {
    var choices: [CandidateID: Choice] = [:]
    for (candidate, mark) in pairs {
        guard choices[candidate] == nil else {
            throw CommandFailure.badInput("申报人 \(candidate) 在选票上出现两次", "candidate \(candidate) appears twice on the ballot")
        }
        guard let choice = Choice(reading: mark) else {
            throw CommandFailure.badInput("“\(mark)”不是有效的表决意见（同意 / 不同意 / 弃权）", "'\(mark)' is not a valid mark: 同意/yes, 不同意/no, 弃权/abstain")
        }
        choices[candidate] = choice
    }
    return choices
}
