package msg

func init() { register(zhParityHealth, enParityHealth) }

// Texts of issue 23's health, groups and reports parity: the paying input,
// the comparison's new rows, `compare` and `group edit`.
var zhParityHealth = map[string]string{
	"input.paying_range": "付费人数 {value} 不合理：不能为负数",
}

var enParityHealth = map[string]string{
	"input.paying_range": "Paying members {value} does not fit: it cannot be negative",
}
