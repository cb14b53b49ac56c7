import Records

/// A candidate's roster row as documents print it.
///
/// Template fields: `id`, `name`, `gender`, `born` (`1984-03`), `bornChinese` (`1984年3月`),
/// `unit`, `education`, `currentTitle`, `appliedTitle`, `series`, `specialty`, `level`,
/// `exceptional` (bool), `exceptionalText` (是/否).
package struct CandidateView {
    package var id: String
    package var name: String
    package var gender: String
    package var born: String
    package var bornChinese: String
    package var unit: String
    package var education: String
    package var currentTitle: String
    package var appliedTitle: String
    package var series: String
    package var specialty: String
    package var level: String
    package var exceptional: Bool
    package var exceptionalText: String

    package init(_ c: Candidate) {
        id = c.id
        name = c.name
        gender = c.gender
        born = c.born
        bornChinese = Numbers.chineseMonth(c.born)
        unit = c.unit
        education = c.education
        currentTitle = c.currentTitle
        appliedTitle = c.appliedTitle
        series = c.series
        specialty = c.specialty
        level = c.level
        exceptional = c.exceptional
        exceptionalText = c.exceptional ? "是" : "否"
    }
}
