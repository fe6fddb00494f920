using System.Globalization;
using System.Text.Json;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.OfficialTables;
using ParIndex.Core.Scoring;
using ParIndex.Data.Assessments;

namespace ParIndex.Application.Demo;

/// <summary>
/// Turns an official self-assessment table into leaf entries of a framework, so that the scoring
/// core computes back every stated score. Manual leaves take the stated score; formula leaves take
/// figures (from <c>bac-giang-2023-figures.json</c> where the table states them, otherwise — for a
/// ratio whose table prints only a rounded percentage — numerator and denominator derived from the
/// stated points). Every computed score is checked against the table; any difference is an error.
/// </summary>
public static class SeedTableImporter
{
    public sealed record ImportedLeaf(LeafEntry Entry, bool DerivedFigures);

    public static IReadOnlyList<ImportedLeaf> Import(Framework framework, OfficialTable table, IReadOnlyDictionary<string, Dictionary<string, decimal>> statedFigures)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(statedFigures);
        var rows = table.AllRows().GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new List<ImportedLeaf>();
        foreach (var leaf in framework.Leaves())
        {
            if (!rows.TryGetValue(leaf.Code, out var row))
            {
                throw new InvalidDataException($"Biểu không có dòng {leaf.Code} của bộ tiêu chí.");
            }

            var stated = row.Score ?? 0m;
            var entry = new LeafEntry { LeafCode = leaf.Code, Explanation = row.Explanation };
            var derived = false;
            switch (leaf.EffectiveRule)
            {
                case ManualRule or BonusPenaltyRule:
                    entry.Score = stated;
                    break;
                case LevelsRule levels:
                    entry.Level = levels.Levels.FirstOrDefault(l => l.Points == stated)?.Key
                        ?? throw new InvalidDataException($"{leaf.Code} (dòng {row.SourceLine}): không có mức nào bằng {VietnameseNumbers.FormatPoints(stated)} điểm.");
                    break;
                case RatioRule ratio when !statedFigures.ContainsKey(leaf.Code):
                    // score = max × (n / d) / target  ⇒  n = score × target × 10⁴, d = max × 10⁴ reproduces the stated points.
                    entry.FiguresJson = JsonSerializer.Serialize(new Dictionary<string, decimal>
                    {
                        [LeafEntryInput.Numerator] = Normalize(stated * ratio.Target * 10_000m),
                        [LeafEntryInput.Denominator] = Normalize(leaf.Max * 10_000m),
                    });
                    derived = true;
                    break;
                case SurveyRule:
                    break;
                default:
                    entry.FiguresJson = statedFigures.TryGetValue(leaf.Code, out var figures)
                        ? JsonSerializer.Serialize(figures)
                        : throw new InvalidDataException($"{leaf.Code} (dòng {row.SourceLine}): thiếu số liệu cho công thức.");
                    break;
            }

            var input = new LeafEntryInput(entry.Score, entry.Level,
                entry.FiguresJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(entry.FiguresJson));
            var outcome = LeafScorer.Score(leaf, input);
            if (outcome.Error is { } error)
            {
                throw new InvalidDataException($"{leaf.Code} (dòng {row.SourceLine}): {error}");
            }

            if ((outcome.Points ?? 0m) != stated)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{leaf.Code} (dòng {row.SourceLine}): biểu ghi {VietnameseNumbers.FormatPoints(stated)} điểm, tính được {VietnameseNumbers.FormatPoints(outcome.Points ?? 0m)}."));
            }

            entry.Points = outcome.Points;
            entry.Memo = outcome.Memo?.Text ?? "";
            result.Add(new ImportedLeaf(entry, derived));
        }

        return result;
    }

    /// <summary>Drops trailing zeros (14981.0000 → 14981) so that stored figures read as entered.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Reads the embedded file of figures stated in the Bắc Giang 2023 table.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, decimal>> BacGiang2023Figures()
    {
        using var stream = typeof(SeedTableImporter).Assembly.GetManifestResourceStream("ParIndex.Application.Demo.bac-giang-2023-figures.json")
            ?? throw new InvalidOperationException("Thiếu tệp số liệu mẫu bac-giang-2023-figures.json.");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("figures").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetDecimal(), StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
