/// How enums generated with `x-apigen-loose-spelling` compare what they receive with the values they list.
@_spi(Generated) public enum EnumSpelling {
    /// The value with ASCII letters in lower case and without spaces, `-` and `_`, so that `Running`, `running`,
    /// `not started` and `NotStarted` compare equal; the generator folds the listed values the same way.
    public static func folded(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar != " " && scalar != "-" && scalar != "_" {
            scalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
        }
        return String(scalars)
    }
}
