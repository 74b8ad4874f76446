/// A number with its noun, singular or plural as the number asks:
/// `counted(1, "plan")` is "1 plan", `counted(3, "fix", plural: "fixes")` "3 fixes".
func counted(_ number: Int, _ word: String, plural: String? = nil) -> String {
    "\(number) \(number == 1 ? word : plural ?? word + "s")"
}
