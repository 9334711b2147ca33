import Foundation

/// Ruby's `strftime` for the directives posts use, in a given zone, with English names.
enum LiquidDate {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ date: Date, _ format: String, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday, .nanosecond], from: date)
        let (year, month, day) = (parts.year!, parts.month!, parts.day!)
        let (hour, minute, second) = (parts.hour!, parts.minute!, parts.second!)
        let weekday = parts.weekday! - 1
        let offset = timeZone.secondsFromGMT(for: date)
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        var result = ""
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard var directive = characters.next() else {
                result.append("%")
                break
            }
            var flag: Character?
            if directive == "-" || directive == "^" || directive == "_" || directive == "0" || directive == ":" {
                flag = directive
                guard let next = characters.next() else { break }
                directive = next
            }
            func number(_ value: Int, _ width: Int = 2) -> String {
                switch flag {
                case "-": String(value)
                case "_": String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
                default: String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
                }
            }
            func name(_ text: String) -> String { flag == "^" ? text.uppercased() : text }
            let hour12 = hour % 12 == 0 ? 12 : hour % 12
            switch directive {
            case "Y": result += String(year)
            case "C": result += number(year / 100)
            case "y": result += number(year % 100)
            case "m": result += number(month)
            case "d": result += number(day)
            case "e": result += flag == nil ? (day < 10 ? " \(day)" : String(day)) : number(day)
            case "j": result += number(dayOfYear, 3)
            case "H": result += number(hour)
            case "k": result += hour < 10 ? " \(hour)" : String(hour)
            case "I": result += number(hour12)
            case "l": result += hour12 < 10 ? " \(hour12)" : String(hour12)
            case "M": result += number(minute)
            case "S": result += number(second)
            case "L": result += number((parts.nanosecond ?? 0) / 1_000_000, 3)
            case "p": result += hour < 12 ? "AM" : "PM"
            case "P": result += hour < 12 ? "am" : "pm"
            case "B": result += name(months[month - 1])
            case "b", "h": result += name(String(months[month - 1].prefix(3)))
            case "A": result += name(weekdays[weekday])
            case "a": result += name(String(weekdays[weekday].prefix(3)))
            case "u": result += String(weekday == 0 ? 7 : weekday)
            case "w": result += String(weekday)
            case "s": result += String(Int(date.timeIntervalSince1970))
            case "z":
                let sign = offset < 0 ? "-" : "+"
                let hours = number(abs(offset) / 3600)
                let minutes = number(abs(offset) % 3600 / 60)
                result += flag == ":" ? "\(sign)\(hours):\(minutes)" : "\(sign)\(hours)\(minutes)"
            case "Z": result += timeZone.abbreviation(for: date) ?? ""
            case "F": result += "\(year)-\(number(month))-\(number(day))"
            case "D", "x": result += "\(number(month))/\(number(day))/\(number(year % 100))"
            case "T", "X": result += "\(number(hour)):\(number(minute)):\(number(second))"
            case "R": result += "\(number(hour)):\(number(minute))"
            case "n": result += "\n"
            case "t": result += "\t"
            case "%": result += "%"
            default:
                result += "%"
                if let flag { result.append(flag) }
                result.append(directive)
            }
        }
        return result
    }
}
