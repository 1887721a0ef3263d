/// Parses one-dimensional PostgreSQL array literals: `{a,"b c",NULL,"x\"y"}`.
enum PostgreSQLArray {
    struct Failure: Error, Equatable {
        let message: String
    }

    /// The elements, nil for an unquoted `NULL`.
    static func parse(_ text: String) -> Result<[String?], Failure> {
        let characters = Array(text.unicodeScalars)
        guard characters.first == "{", characters.last == "}" else {
            return .failure(Failure(message: "it must start with '{' and end with '}'"))
        }
        let body = characters.dropFirst().dropLast()
        if body.allSatisfy({ $0 == " " }) { return .success([]) }
        var elements: [String?] = []
        var index = body.startIndex
        while true {
            while index < body.endIndex, body[index] == " " { index += 1 }
            guard index < body.endIndex else { return .failure(Failure(message: "an element is missing after ','")) }
            if body[index] == "{" {
                return .failure(Failure(message: "nested arrays are not supported"))
            }
            if body[index] == "\"" {
                index += 1
                var element = String.UnicodeScalarView()
                var closed = false
                while index < body.endIndex {
                    let scalar = body[index]
                    if scalar == "\\" {
                        index += 1
                        guard index < body.endIndex else { break }
                        element.append(body[index])
                    } else if scalar == "\"" {
                        closed = true
                        index += 1
                        break
                    } else {
                        element.append(scalar)
                    }
                    index += 1
                }
                guard closed else { return .failure(Failure(message: "a quoted element is not closed")) }
                elements.append(String(element))
                while index < body.endIndex, body[index] == " " { index += 1 }
            } else {
                var element = String.UnicodeScalarView()
                while index < body.endIndex, body[index] != "," {
                    let scalar = body[index]
                    if scalar == "\"" || scalar == "{" || scalar == "}" {
                        return .failure(Failure(message: "unexpected '\(scalar)' in an unquoted element"))
                    }
                    if scalar == "\\" {
                        index += 1
                        guard index < body.endIndex else { break }
                    }
                    element.append(body[index])
                    index += 1
                }
                let value = String(element).trimmingTrailingSpaces()
                guard !value.isEmpty else { return .failure(Failure(message: "an element is empty")) }
                elements.append(value.uppercased() == "NULL" ? nil : value)
            }
            if index == body.endIndex { return .success(elements) }
            guard body[index] == "," else { return .failure(Failure(message: "expected ',' between elements")) }
            index += 1
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
