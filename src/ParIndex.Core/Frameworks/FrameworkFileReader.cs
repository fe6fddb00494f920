using System.Globalization;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Maps a parsed framework file onto the model. Strict on purpose: an unknown property is an
/// error (a typo such as <c>"maxx"</c> must not silently lose a maximum), and every error names
/// the line and column where it starts.
/// </summary>
internal sealed class FrameworkFileReader(ReadOnlyMemory<byte> utf8) : PositionedReader(utf8)
{
    private static readonly string[] RootProperties = ["format", "id", "version", "year", "title", "unitKind", "legalBasis", "nodes"];
    private static readonly string[] NodeProperties = ["code", "title", "max", "rule", "guidance", "children"];

    public Framework Read()
    {
        var root = Object(PositionedJson.Parse(Utf8), "gốc của tệp");
        Known(root, "gốc của tệp", RootProperties);

        var format = RequiredString(root, "format", "tệp");
        if (format != FrameworkFile.FormatName)
        {
            throw Fail(root.Get("format")!, $"định dạng \"{format}\" không được hỗ trợ; cần \"{FrameworkFile.FormatName}\".");
        }

        return new Framework
        {
            Id = RequiredString(root, "id", "tệp"),
            Version = RequiredString(root, "version", "tệp"),
            Year = RequiredInt(root, "year", "tệp"),
            Title = RequiredString(root, "title", "tệp"),
            UnitKind = OptionalString(root, "unitKind", "tệp") ?? "province",
            LegalBasis = OptionalString(root, "legalBasis", "tệp"),
            Nodes = ReadNodes(Array(Required(root, "nodes", "tệp"), "nodes", "tệp"), "danh sách nút gốc"),
        };
    }

    private List<FrameworkNode> ReadNodes(PositionedArray array, string where)
    {
        var nodes = new List<FrameworkNode>(array.Items.Count);
        foreach (var item in array.Items)
        {
            nodes.Add(ReadNode(Object(item, $"phần tử của {where}")));
        }

        return nodes;
    }

    private FrameworkNode ReadNode(PositionedObject o)
    {
        const string Anonymous = "nút";
        var code = RequiredString(o, "code", Anonymous);
        var what = $"nút {code}";
        Known(o, what, NodeProperties);
        // Object initializers run in the order written: errors come in file order.
        return new FrameworkNode
        {
            Code = code,
            Title = RequiredString(o, "title", what),
            Max = RequiredDecimal(o, "max", what),
            Rule = o.Get("rule") is { } rule ? ReadRule(Object(rule, $"rule của {what}"), what) : null,
            Guidance = OptionalString(o, "guidance", what),
            Children = o.Get("children") is { } c ? ReadNodes(Array(c, "children", what), $"children của {what}") : [],
        };
    }

    private ScoringRule ReadRule(PositionedObject o, string node)
    {
        var what = $"rule của {node}";
        var method = RequiredString(o, "method", what);
        switch (method)
        {
            case "manual":
                Known(o, what, "method");
                return ManualRule.Instance;
            case "survey":
                Known(o, what, "method");
                return SurveyRule.Instance;
            case "levels":
                Known(o, what, "method", "levels");
                return new LevelsRule(Array(Required(o, "levels", what), "levels", what).Items.Select(item =>
                {
                    var level = Object(item, $"phần tử levels của {node}");
                    var levelWhat = $"mức của {node}";
                    Known(level, levelWhat, "key", "label", "points");
                    return new ScoreLevel(
                        RequiredString(level, "key", levelWhat),
                        RequiredString(level, "label", levelWhat),
                        RequiredDecimal(level, "points", levelWhat));
                }).ToList());
            case "bands":
                Known(o, what, "method", "inputLabel", "inputKind", "bands");
                var bands = Array(Required(o, "bands", what), "bands", what).Items.Select(item =>
                {
                    var band = Object(item, $"phần tử bands của {node}");
                    var bandWhat = $"khoảng của {node}";
                    Known(band, bandWhat, "from", "fromExclusive", "to", "toInclusive", "points", "label");
                    return new ScoreBand(
                        OptionalDecimal(band, "from", bandWhat),
                        OptionalDecimal(band, "to", bandWhat),
                        RequiredDecimal(band, "points", bandWhat),
                        OptionalBool(band, "toInclusive", bandWhat) ?? false,
                        OptionalString(band, "label", bandWhat),
                        OptionalBool(band, "fromExclusive", bandWhat) ?? false);
                }).ToList();
                var bandDefaults = new BandsRule(bands);
                return new BandsRule(
                    bands,
                    OptionalString(o, "inputLabel", what) ?? bandDefaults.InputLabel,
                    OptionalKind(o, "inputKind", what) ?? bandDefaults.InputKind);
            case "ratio":
                Known(o, what, "method", "target", "numeratorLabel", "denominatorLabel", "numeratorKind", "denominatorKind");
                var defaults = new RatioRule();
                return new RatioRule(
                    OptionalDecimal(o, "target", what) ?? defaults.Target,
                    OptionalString(o, "numeratorLabel", what) ?? defaults.NumeratorLabel,
                    OptionalString(o, "denominatorLabel", what) ?? defaults.DenominatorLabel,
                    OptionalKind(o, "numeratorKind", what) ?? defaults.NumeratorKind,
                    OptionalKind(o, "denominatorKind", what) ?? defaults.DenominatorKind);
            case "expression":
                Known(o, what, "method", "inputs", "formula");
                var inputs = Array(Required(o, "inputs", what), "inputs", what).Items.Select(item =>
                {
                    var input = Object(item, $"phần tử inputs của {node}");
                    var inputWhat = $"biến đầu vào của {node}";
                    Known(input, inputWhat, "name", "label", "kind");
                    return new FormulaInput(
                        RequiredString(input, "name", inputWhat),
                        RequiredString(input, "label", inputWhat),
                        OptionalKind(input, "kind", inputWhat) ?? FigureKind.Decimal);
                }).ToList();
                return new ExpressionRule(inputs, RequiredString(o, "formula", what));
            case "bonus-penalty":
                Known(o, what, "method", "min", "max");
                return new BonusPenaltyRule(RequiredDecimal(o, "min", what), RequiredDecimal(o, "max", what));
            default:
                throw Fail(o.Get("method")!, $"phương thức chấm điểm \"{method}\" của {node} không được hỗ trợ; dùng một trong: {string.Join(", ", FrameworkFile.Methods)}.");
        }
    }

    private string RequiredString(PositionedObject o, string name, string what) =>
        OptionalString(o, name, what) ?? throw Fail(o, $"thiếu thuộc tính \"{name}\" của {what}.");

    private string? OptionalString(PositionedObject o, string name, string what) => o.Get(name) switch
    {
        null => null,
        PositionedLiteral { Kind: System.Text.Json.JsonTokenType.Null } => null,
        PositionedString s => s.Value,
        var other => throw Fail(other, $"thuộc tính \"{name}\" của {what} phải là chuỗi, không phải {other.KindName}."),
    };

    private FigureKind? OptionalKind(PositionedObject o, string name, string what)
    {
        if (OptionalString(o, name, what) is not { } text)
        {
            return null;
        }

        return FigureKinds.TryParse(text, out var kind)
            ? kind
            : throw Fail(o.Get(name)!, $"loại số liệu \"{text}\" ở thuộc tính \"{name}\" của {what} không được hỗ trợ; dùng một trong: {string.Join(", ", FigureKinds.All.Select(FigureKinds.Name))}.");
    }

    private decimal RequiredDecimal(PositionedObject o, string name, string what) =>
        OptionalDecimal(o, name, what) ?? throw Fail(o, $"thiếu thuộc tính \"{name}\" của {what}.");

    private decimal? OptionalDecimal(PositionedObject o, string name, string what) => o.Get(name) switch
    {
        null => null,
        PositionedLiteral { Kind: System.Text.Json.JsonTokenType.Null } => null,
        PositionedNumber n => decimal.TryParse(n.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(n, $"thuộc tính \"{name}\" của {what}: số {n.Raw} nằm ngoài phạm vi cho phép."),
        var other => throw Fail(other, $"thuộc tính \"{name}\" của {what} phải là số (dấu chấm thập phân, ví dụ 0.75), không phải {other.KindName}."),
    };

    private int RequiredInt(PositionedObject o, string name, string what) => Required(o, name, what) switch
    {
        PositionedNumber n => int.TryParse(n.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(n, $"thuộc tính \"{name}\" của {what} phải là số nguyên, không phải {n.Raw}."),
        var other => throw Fail(other, $"thuộc tính \"{name}\" của {what} phải là số nguyên, không phải {other.KindName}."),
    };

    private bool? OptionalBool(PositionedObject o, string name, string what) => o.Get(name) switch
    {
        null => null,
        PositionedLiteral { Kind: System.Text.Json.JsonTokenType.True } => true,
        PositionedLiteral { Kind: System.Text.Json.JsonTokenType.False } => false,
        var other => throw Fail(other, $"thuộc tính \"{name}\" của {what} phải là true hoặc false, không phải {other.KindName}."),
    };
}
