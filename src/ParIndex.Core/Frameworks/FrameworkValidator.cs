using System.Text.RegularExpressions;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Checks that a framework can be used for an assessment. Rules:
/// <list type="bullet">
/// <item>id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>), version, title and unit kind are filled in;
/// the year lies in [<see cref="MinYear"/>, <see cref="MaxYear"/>]; there is at least one node.</item>
/// <item>Codes are dot-separated positive numbers without leading zeros; fields are numbered
/// <c>1</c>..<c>n</c> and the children of <c>1.3</c> are <c>1.3.1</c>..<c>1.3.n</c>, in order; no
/// code appears twice.</item>
/// <item>Every title is filled in; every maximum is ≥ 0; every parent's maximum equals the exact
/// (decimal) sum of its children's.</item>
/// <item>A rule sits on leaves only (a survey parent such as 2.4 carries survey leaves instead).</item>
/// <item>levels: at least one, keys filled in and unique, points within [0, max].
/// bands: at least one, points within [0, max], from &lt; to, no two bands overlap (bounds as in
/// <see cref="ScoreBand"/>: from inclusive unless FromExclusive, to exclusive unless ToInclusive).
/// ratio: target &gt; 0, both labels filled in. expression: inputs are unique identifiers other
/// than <c>max</c>, each used; the formula parses and names only its inputs and <c>max</c>.</item>
/// <item>Figure kinds (ADR 0007) are one of count, amount, percent, decimal; a ratio's numerator and
/// denominator have the same kind (a share of hồ sơ in hồ sơ, of đồng in đồng).</item>
/// <item>bonus-penalty: the leaf's score ranges over [rule.Min, rule.Max] and may be negative, but
/// no maximum ever is: rule.Min ≤ 0 ≤ rule.Max, rule.Min &lt; rule.Max, and the node's max equals
/// rule.Max (the bonus ceiling, 0 for a pure penalty), so parent sums count only what can be gained.</item>
/// </list>
/// </summary>
public static partial class FrameworkValidator
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Every problem, in file order. An empty list means the framework is valid.</summary>
    public static IReadOnlyList<FrameworkProblem> Validate(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var problems = new List<FrameworkProblem>();
        CheckHeader(framework, problems);
        if (framework.Nodes.Count == 0)
        {
            problems.Add(new("nodes", "Bộ tiêu chí không có lĩnh vực nào."));
        }

        CheckDuplicates(framework, problems);
        CheckSiblings(parentCode: null, framework.Nodes, problems);
        foreach (var node in framework.AllNodes())
        {
            CheckNode(node, problems);
        }

        return problems;
    }

    private static void CheckHeader(Framework framework, List<FrameworkProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(framework.Id))
        {
            problems.Add(new("id", "Thiếu mã định danh (id) của bộ tiêu chí."));
        }
        else if (!IdPattern().IsMatch(framework.Id))
        {
            problems.Add(new("id", $"Mã định danh \"{framework.Id}\" chỉ được gồm chữ cái không dấu, chữ số và các dấu . _ - (không có khoảng trắng)."));
        }

        if (string.IsNullOrWhiteSpace(framework.Version))
        {
            problems.Add(new("version", "Thiếu phiên bản (version) của bộ tiêu chí."));
        }

        if (string.IsNullOrWhiteSpace(framework.Title))
        {
            problems.Add(new("title", "Thiếu tên (title) của bộ tiêu chí."));
        }

        if (string.IsNullOrWhiteSpace(framework.UnitKind))
        {
            problems.Add(new("unitKind", "Thiếu loại đơn vị được đánh giá (unitKind), ví dụ province."));
        }

        if (framework.Year is < MinYear or > MaxYear)
        {
            problems.Add(new("year", $"Năm {framework.Year} không hợp lý (cần trong khoảng {MinYear}–{MaxYear})."));
        }
    }

    private static void CheckDuplicates(Framework framework, List<FrameworkProblem> problems)
    {
        foreach (var group in framework.AllNodes().GroupBy(n => n.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(Label(group.Key), $"Mã {group.Key} xuất hiện {group.Count()} lần; mỗi mã chỉ được dùng một lần."));
        }
    }

    private static void CheckSiblings(string? parentCode, IReadOnlyList<FrameworkNode> siblings, List<FrameworkProblem> problems)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            var node = siblings[i];
            var expected = parentCode is null ? $"{i + 1}" : $"{parentCode}.{i + 1}";
            if (!CodePattern().IsMatch(node.Code))
            {
                problems.Add(new(Label(node.Code), $"Mã \"{node.Code}\" không đúng dạng: cần các số nguyên dương (không có số 0 ở đầu) ngăn cách bằng dấu chấm, ví dụ {expected}."));
            }
            else if (parentCode is null ? node.Code.Contains('.', StringComparison.Ordinal) : !IsChildCode(parentCode, node.Code))
            {
                var where = parentCode is null ? "là lĩnh vực nên mã chỉ có một số" : $"là con của {parentCode} nên mã phải có dạng {parentCode}.n";
                problems.Add(new(node.Code, $"Mã {node.Code} không đúng phân cấp: nút này {where} (ví dụ {expected})."));
            }
            else if (node.Code != expected)
            {
                problems.Add(new(node.Code, $"Mã {node.Code} sai thứ tự: ở vị trí thứ {i + 1} cần là {expected}; các mã cùng cấp phải đánh số liên tục từ 1."));
            }

            CheckSiblings(node.Code, node.Children, problems);
        }
    }

    private static bool IsChildCode(string parentCode, string code) =>
        code.StartsWith(parentCode + ".", StringComparison.Ordinal) && !code[(parentCode.Length + 1)..].Contains('.', StringComparison.Ordinal);

    private static void CheckNode(FrameworkNode node, List<FrameworkProblem> problems)
    {
        var code = Label(node.Code);
        if (string.IsNullOrWhiteSpace(node.Title))
        {
            problems.Add(new(code, "Thiếu tên tiêu chí."));
        }

        if (node.Max < 0)
        {
            problems.Add(new(code, $"Điểm chuẩn {Points(node.Max)} âm; điểm chuẩn phải ≥ 0 (điểm trừ khai báo bằng phương thức bonus-penalty)."));
        }

        if (!node.IsLeaf)
        {
            var sum = node.Children.Sum(c => c.Max);
            if (sum != node.Max)
            {
                problems.Add(new(code, $"Điểm chuẩn {Points(node.Max)} khác tổng điểm chuẩn của các tiêu chí con ({Points(sum)})."));
            }

            if (node.Rule is SurveyRule)
            {
                problems.Add(new(code, "Phương thức survey (điều tra xã hội học) chỉ đặt ở tiêu chí lá; hãy đặt nó cho từng tiêu chí con và bỏ ở nút này."));
            }
            else if (node.Rule is not null)
            {
                problems.Add(new(code, $"Nút có tiêu chí con nên không có phương thức chấm điểm riêng ({node.Rule.Method}); điểm của nó là tổng điểm các tiêu chí con."));
            }

            return;
        }

        foreach (var figure in node.Rule?.Figures ?? [])
        {
            if (!KnownKind(figure.Kind))
            {
                problems.Add(new(code, $"Số liệu \"{figure.Name}\" có loại không hợp lệ ({(int)figure.Kind}); dùng một trong: {string.Join(", ", FigureKinds.All.Select(FigureKinds.Name))}."));
            }
        }

        switch (node.Rule)
        {
            case LevelsRule levels:
                CheckLevels(node, levels, problems);
                break;
            case BandsRule bands:
                CheckBands(node, bands, problems);
                break;
            case RatioRule ratio:
                if (ratio.Target <= 0)
                {
                    problems.Add(new(code, $"Tỷ lệ mục tiêu (target) {Points(ratio.Target)} phải lớn hơn 0."));
                }

                if (string.IsNullOrWhiteSpace(ratio.NumeratorLabel) || string.IsNullOrWhiteSpace(ratio.DenominatorLabel))
                {
                    problems.Add(new(code, "Thiếu nhãn của tử số hoặc mẫu số (numeratorLabel, denominatorLabel)."));
                }

                if (ratio.NumeratorKind != ratio.DenominatorKind && KnownKind(ratio.NumeratorKind) && KnownKind(ratio.DenominatorKind))
                {
                    problems.Add(new(code, $"Tử số ({FigureKinds.Name(ratio.NumeratorKind)}) và mẫu số ({FigureKinds.Name(ratio.DenominatorKind)}) phải cùng loại số liệu (numeratorKind, denominatorKind)."));
                }

                break;
            case ExpressionRule expression:
                CheckExpression(node, expression, problems);
                break;
            case BonusPenaltyRule bonusPenalty:
                CheckBonusPenalty(node, bonusPenalty, problems);
                break;
        }
    }

    private static void CheckLevels(FrameworkNode node, LevelsRule rule, List<FrameworkProblem> problems)
    {
        var code = Label(node.Code);
        if (rule.Levels.Count == 0)
        {
            problems.Add(new(code, "Phương thức levels cần ít nhất một mức."));
        }

        foreach (var level in rule.Levels)
        {
            if (string.IsNullOrWhiteSpace(level.Key))
            {
                problems.Add(new(code, $"Một mức (\"{level.Label}\") thiếu khóa (key)."));
            }

            if (string.IsNullOrWhiteSpace(level.Label))
            {
                problems.Add(new(code, $"Mức \"{level.Key}\" thiếu nhãn (label)."));
            }

            if (level.Points < 0 || level.Points > node.Max)
            {
                problems.Add(new(code, $"Mức \"{level.Key}\" có {Points(level.Points)} điểm, nằm ngoài khoảng [0; {Points(node.Max)}]."));
            }
        }

        foreach (var group in rule.Levels.Where(l => !string.IsNullOrWhiteSpace(l.Key)).GroupBy(l => l.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(code, $"Khóa mức \"{group.Key}\" bị lặp lại {group.Count()} lần."));
        }
    }

    private static void CheckBands(FrameworkNode node, BandsRule rule, List<FrameworkProblem> problems)
    {
        var code = Label(node.Code);
        if (rule.Bands.Count == 0)
        {
            problems.Add(new(code, "Phương thức bands cần ít nhất một khoảng."));
        }

        foreach (var band in rule.Bands)
        {
            if (IsEmpty(band))
            {
                problems.Add(new(code, $"Khoảng {Describe(band)}: cận dưới phải nhỏ hơn cận trên."));
            }

            if (band.Points < 0 || band.Points > node.Max)
            {
                problems.Add(new(code, $"Khoảng {Describe(band)} có {Points(band.Points)} điểm, nằm ngoài khoảng [0; {Points(node.Max)}]."));
            }
        }

        for (var i = 0; i < rule.Bands.Count; i++)
        {
            for (var j = i + 1; j < rule.Bands.Count; j++)
            {
                if (Overlap(rule.Bands[i], rule.Bands[j]))
                {
                    problems.Add(new(code, $"Khoảng {Describe(rule.Bands[i])} và khoảng {Describe(rule.Bands[j])} chồng lên nhau: một tỷ lệ chỉ được rơi vào một khoảng."));
                }
            }
        }
    }

    /// <summary>
    /// Two bands overlap when their intersection holds a value. Bounds: from is inclusive unless
    /// FromExclusive, to is exclusive unless ToInclusive; a missing bound is open.
    /// </summary>
    private static bool Overlap(ScoreBand a, ScoreBand b)
    {
        if (IsEmpty(a) || IsEmpty(b))
        {
            return false; // an empty or inverted band is reported on its own
        }

        // The intersection's lower bound is the higher of the two (exclusive if either is, at a tie)…
        var (low, lowExclusive) = (a.From, b.From) switch
        {
            (null, _) => (b.From, b.FromExclusive),
            (_, null) => (a.From, a.FromExclusive),
            var (x, y) when x > y => (x, a.FromExclusive),
            var (x, y) when y > x => (y, b.FromExclusive),
            _ => (a.From, a.FromExclusive || b.FromExclusive),
        };

        // …and its upper bound the lower of the two (inclusive only if both are, at a tie).
        var (high, highInclusive) = (a.To, b.To) switch
        {
            (null, _) => (b.To, b.ToInclusive),
            (_, null) => (a.To, a.ToInclusive),
            var (x, y) when x < y => (x, a.ToInclusive),
            var (x, y) when y < x => (y, b.ToInclusive),
            _ => (a.To, a.ToInclusive && b.ToInclusive),
        };

        if (low is null || high is null)
        {
            return true;
        }

        return low < high || (low == high && !lowExclusive && highInclusive);
    }

    private static bool IsEmpty(ScoreBand band) => band is { From: { } from, To: { } to } && from >= to;

    private static string Describe(ScoreBand band)
    {
        var from = band.From is { } f ? $"{(band.FromExclusive ? "(" : "[")}{Points(f)}" : "(-∞";
        var to = band.To is { } t ? $"{Points(t)}{(band.ToInclusive ? "]" : ")")}" : "+∞)";
        return band.Label is null ? $"{from}; {to}" : $"\"{band.Label}\" {from}; {to}";
    }

    private static void CheckExpression(FrameworkNode node, ExpressionRule rule, List<FrameworkProblem> problems)
    {
        var code = Label(node.Code);
        foreach (var input in rule.Inputs)
        {
            if (!IdentifierPattern().IsMatch(input.Name))
            {
                problems.Add(new(code, $"Tên biến \"{input.Name}\" không hợp lệ: dùng chữ cái không dấu, chữ số và dấu _, bắt đầu bằng chữ cái."));
            }
            else if (string.Equals(input.Name, MaxVariable, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(code, "Tên biến \"max\" được dành cho điểm chuẩn của tiêu chí; hãy đặt tên khác."));
            }

            if (string.IsNullOrWhiteSpace(input.Label))
            {
                problems.Add(new(code, $"Biến \"{input.Name}\" thiếu nhãn (label) để đơn vị biết cần nhập số liệu gì."));
            }
        }

        foreach (var group in rule.Inputs.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new(code, $"Biến \"{group.Key}\" được khai báo {group.Count()} lần (tên biến không phân biệt chữ hoa, chữ thường)."));
        }

        if (string.IsNullOrWhiteSpace(rule.Formula))
        {
            problems.Add(new(code, "Thiếu công thức (formula)."));
            return;
        }

        CheckFormula(code, rule, problems);
    }

    private static void CheckBonusPenalty(FrameworkNode node, BonusPenaltyRule rule, List<FrameworkProblem> problems)
    {
        var code = Label(node.Code);
        if (rule.Min > 0 || rule.Max < 0 || rule.Min >= rule.Max)
        {
            problems.Add(new(code, $"Khoảng điểm thưởng/trừ [{Points(rule.Min)}; {Points(rule.Max)}] không hợp lệ: cần min ≤ 0 ≤ max và min < max."));
        }

        if (node.Max != rule.Max)
        {
            problems.Add(new(code, $"Điểm chuẩn của nút ({Points(node.Max)}) phải bằng điểm thưởng tối đa của phương thức bonus-penalty ({Points(rule.Max)}); điểm trừ không làm giảm điểm chuẩn."));
        }
    }

    private static bool KnownKind(FigureKind kind) => FigureKinds.All.Contains(kind);

    private static string Label(string code) => string.IsNullOrWhiteSpace(code) ? "(không mã)" : code;

    private static string Points(decimal value) => VietnameseNumbers.FormatPoints(value);

    [GeneratedRegex(@"^[1-9][0-9]*(\.[1-9][0-9]*)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
