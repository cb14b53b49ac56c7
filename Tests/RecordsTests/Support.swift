import StrictJSON
import TestSupport

let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 0xC0FFEE, 20_261_126]

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, maxReplacements: 1)
    }
}
