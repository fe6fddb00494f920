using System.Globalization;
using System.Text.Json;
using ParIndex.Core.Files;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// The framework file format <c>parindex-framework/1</c>: JSON meant to be read, reviewed and
/// diffed by people. The writer is canonical (fixed property order, 2-space indent, LF, Vietnamese
/// text unescaped, decimals without trailing zeros), so write → read → write gives identical bytes
/// and a diff between two years shows only what changed.
/// <code>
/// {"format": "parindex-framework/1", "id", "version", "year", "title", "unitKind", "legalBasis",
///  "nodes": [{"code", "title", "max", "rule"?, "guidance"?, "children"?}]}
/// </code>
/// Figure kinds (ADR 0007) are optional: ratio <c>numeratorKind</c>/<c>denominatorKind</c> default
/// to <c>count</c>, bands <c>inputKind</c> to <c>percent</c>, an expression input's <c>kind</c> to
/// <c>decimal</c>; the writer leaves defaults out.
/// </summary>
public static class FrameworkFile
{
    public const string FormatName = "parindex-framework/1";

    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The scoring methods a file may name, in documentation order.</summary>
    public static readonly IReadOnlyList<string> Methods = ["manual", "levels", "bands", "ratio", "expression", "survey", "bonus-penalty"];

    /// <summary>Reads a framework file. Throws <see cref="FrameworkFormatException"/> with line and column.</summary>
    public static Framework Read(Stream stream) =>
        Read(CanonicalJsonFile.ReadBounded(stream, MaxBytes, () => new FrameworkFormatException($"Tệp bộ tiêu chí quá lớn (giới hạn {MaxBytes / (1024 * 1024)} MB).")));

    /// <summary>Reads a framework from JSON text.</summary>
    public static Framework Read(string json) => Read(CanonicalJsonFile.FromText(json));

    private static Framework Read(ReadOnlyMemory<byte> utf8)
    {
        return new FrameworkFileReader(utf8).Read();
    }

    /// <summary>Writes the canonical file (UTF-8 without BOM, ending with a newline).</summary>
    public static void Write(Framework framework, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(framework);
        CanonicalJsonFile.Write(stream, w => WriteFramework(w, framework));
    }

    /// <summary>The canonical file as text.</summary>
    public static string ToJson(Framework framework) => CanonicalJsonFile.ToText(stream => Write(framework, stream));

    private static void WriteFramework(Utf8JsonWriter w, Framework framework)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteString("id", framework.Id);
        w.WriteString("version", framework.Version);
        w.WriteNumber("year", framework.Year);
        w.WriteString("title", framework.Title);
        w.WriteString("unitKind", framework.UnitKind);
        if (framework.LegalBasis is null)
        {
            w.WriteNull("legalBasis");
        }
        else
        {
            w.WriteString("legalBasis", framework.LegalBasis);
        }

        w.WriteStartArray("nodes");
        foreach (var node in framework.Nodes)
        {
            WriteNode(w, node);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, FrameworkNode node)
    {
        w.WriteStartObject();
        w.WriteString("code", node.Code);
        w.WriteString("title", node.Title);
        WriteDecimal(w, "max", node.Max);
        if (node.Rule is not null)
        {
            w.WritePropertyName("rule");
            WriteRule(w, node.Rule);
        }

        if (node.Guidance is not null)
        {
            w.WriteString("guidance", node.Guidance);
        }

        if (node.Children.Count > 0)
        {
            w.WriteStartArray("children");
            foreach (var child in node.Children)
            {
                WriteNode(w, child);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, ScoringRule rule)
    {
        w.WriteStartObject();
        w.WriteString("method", rule.Method);
        switch (rule)
        {
            case LevelsRule levels:
                w.WriteStartArray("levels");
                foreach (var level in levels.Levels)
                {
                    w.WriteStartObject();
                    w.WriteString("key", level.Key);
                    w.WriteString("label", level.Label);
                    WriteDecimal(w, "points", level.Points);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case BandsRule bands:
                w.WriteString("inputLabel", bands.InputLabel);
                WriteKind(w, "inputKind", bands.InputKind, FigureKind.Percent);
                w.WriteStartArray("bands");
                foreach (var band in bands.Bands)
                {
                    w.WriteStartObject();
                    if (band.From is { } from)
                    {
                        WriteDecimal(w, "from", from);
                    }

                    if (band.FromExclusive)
                    {
                        w.WriteBoolean("fromExclusive", true);
                    }

                    if (band.To is { } to)
                    {
                        WriteDecimal(w, "to", to);
                    }

                    if (band.ToInclusive)
                    {
                        w.WriteBoolean("toInclusive", true);
                    }

                    WriteDecimal(w, "points", band.Points);
                    if (band.Label is not null)
                    {
                        w.WriteString("label", band.Label);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case RatioRule ratio:
                WriteDecimal(w, "target", ratio.Target);
                w.WriteString("numeratorLabel", ratio.NumeratorLabel);
                w.WriteString("denominatorLabel", ratio.DenominatorLabel);
                WriteKind(w, "numeratorKind", ratio.NumeratorKind, FigureKind.Count);
                WriteKind(w, "denominatorKind", ratio.DenominatorKind, FigureKind.Count);
                break;
            case ExpressionRule expression:
                w.WriteStartArray("inputs");
                foreach (var input in expression.Inputs)
                {
                    w.WriteStartObject();
                    w.WriteString("name", input.Name);
                    w.WriteString("label", input.Label);
                    WriteKind(w, "kind", input.Kind, FigureKind.Decimal);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("formula", expression.Formula);
                break;
            case BonusPenaltyRule bonusPenalty:
                WriteDecimal(w, "min", bonusPenalty.Min);
                WriteDecimal(w, "max", bonusPenalty.Max);
                break;
            case ManualRule or SurveyRule:
                break;
            default:
                throw new NotSupportedException($"Phương thức chấm điểm {rule.Method} chưa được hỗ trợ khi ghi tệp.");
        }

        w.WriteEndObject();
    }

    /// <summary>A figure kind is written only when it is not the default, so files without kinds stay byte-identical.</summary>
    private static void WriteKind(Utf8JsonWriter w, string name, FigureKind kind, FigureKind defaultKind)
    {
        if (kind != defaultKind)
        {
            w.WriteString(name, FigureKinds.Name(kind));
        }
    }

    /// <summary>Writes 0.750m as <c>0.75</c> and 1.0m as <c>1</c>: the scale of a decimal is noise in a file.</summary>
    private static void WriteDecimal(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
