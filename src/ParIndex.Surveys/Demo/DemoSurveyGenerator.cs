using System.Globalization;
using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Demo;

/// <summary>
/// Writes a deterministic (seeded) wide CSV of survey answers. Each unit gets a labelled quality
/// between 0,35 and 0,95 (<see cref="DemoSurveyLabels.UnitQuality"/>); each answer is drawn around
/// it, so a unit's expected mean share is close to its quality and units rank by it. About 4% of
/// answers are "không biết" and 3% left blank, as in real exports.
/// </summary>
public static class DemoSurveyGenerator
{
    /// <param name="qualities">Optional quality per unit (0..1) instead of a drawn one, e.g. to follow a sample unit's strength.</param>
    public static DemoSurveyLabels WriteWideCsv(TextWriter writer, Questionnaire questionnaire, IReadOnlyList<string> units, int respondentsPerUnit, int seed,
        IReadOnlyDictionary<string, decimal>? qualities = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfNegative(respondentsPerUnit);
        var random = new Random(seed);
        var quality = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            // Drawn even when given, so that the answers of a seed do not depend on the given qualities.
            var drawn = Math.Round(0.35m + (0.6m * (decimal)random.NextDouble()), 2, MidpointRounding.AwayFromZero);
            quality[unit] = qualities is not null && qualities.TryGetValue(unit, out var given) ? Math.Clamp(given, 0m, 1m) : drawn;
        }

        writer.Write("respondent,unit");
        foreach (var question in questionnaire.Questions)
        {
            writer.Write(',');
            writer.Write(question.Code);
        }

        writer.Write("\r\n");
        var scales = questionnaire.Questions.Select(q => Prepare(q.Scale)).ToArray();
        var number = 0;
        foreach (var unit in units)
        {
            var q = (double)quality[unit];
            for (var r = 0; r < respondentsPerUnit; r++)
            {
                number++;
                writer.Write("R");
                writer.Write(number.ToString("D7", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(unit);
                foreach (var scale in scales)
                {
                    writer.Write(',');
                    var roll = random.NextDouble();
                    if (roll < 0.03)
                    {
                        continue;
                    }

                    if (roll < 0.07 && scale.Invalid is { } invalid)
                    {
                        writer.Write(invalid);
                        continue;
                    }

                    writer.Write(scale.Pick(Math.Clamp(q + ((random.NextDouble() - 0.5) * 0.6), 0, 1)));
                }

                writer.Write("\r\n");
            }
        }

        return new DemoSurveyLabels(quality, units.Count * respondentsPerUnit);
    }

    private static PreparedScale Prepare(AnswerScale scale)
    {
        var valid = scale.Options.Where(o => o.IsValid).OrderBy(o => o.Share).ToArray();
        return new PreparedScale(valid.Select(o => o.Key).ToArray(), valid.Select(o => (double)o.Share!.Value).ToArray(),
            scale.Options.FirstOrDefault(o => !o.IsValid)?.Key);
    }

    /// <summary>The valid options sorted by share; a drawn share picks the nearest one.</summary>
    private sealed record PreparedScale(string[] Keys, double[] Shares, string? Invalid)
    {
        public string Pick(double share)
        {
            var best = 0;
            for (var i = 1; i < Shares.Length; i++)
            {
                if (Math.Abs(Shares[i] - share) < Math.Abs(Shares[best] - share))
                {
                    best = i;
                }
            }

            return Keys[best];
        }
    }
}

/// <summary>The labels of a generated survey: each unit's quality (its expected mean share) and the number of respondents.</summary>
public sealed record DemoSurveyLabels(IReadOnlyDictionary<string, decimal> UnitQuality, int Respondents);
