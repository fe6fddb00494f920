using System.Globalization;
using System.Text;
using ParIndex.Core.Formulas;
using ParIndex.Core.Frameworks;
using ParIndex.Core.OfficialTables;
using ParIndex.Core.Surveys;
using ParIndex.Core.Tests.OfficialTables;
using ParIndex.Core.Tests.Surveys;
using ParIndex.Tests.Shared;
using Xunit.Abstractions;

namespace ParIndex.Core.Tests.Fuzzing;

/// <summary>
/// Deterministic fuzzing of the core's readers and the formula evaluator (docs/fuzzing.md): each
/// case ends in a result or the reader's own format error with its line, never another exception,
/// a hang (10 s per case) or an allocation past the target's bound.
/// </summary>
public sealed class CoreFuzzTests(ITestOutputHelper output)
{
    private static readonly string SeedText = File.ReadAllText(Seed.Path, Encoding.UTF8);

    [Fact]
    public void Official_table_text_reader()
    {
        var lines = SeedText.Split('\n');
        var summary = Fuzz.Run("official-table-text", seed: 2023, cases: 200, random =>
        {
            var bytes = random.Next(3) == 0
                ? Fuzz.MutateBytes(random, Encoding.UTF8.GetBytes(SeedText))
                : Encoding.UTF8.GetBytes(string.Join(random.Next(4) == 0 ? "\r\n" : "\n", MutateLines(random, lines)));
            var table = OfficialTableTextReader.Read(bytes);
            var mismatches = OfficialTableVerifier.Verify(table);
            return mismatches.Count == 0 ? "consistent" : "mismatches";
        }, ex => ex is OfficialTableFormatException { Line: > 0 }, maxAllocatedBytes: 256L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Framework_file_reader()
    {
        var json = FrameworkFile.ToJson(BuiltInFrameworks.Province2023);
        var summary = Fuzz.Run("framework-file", seed: 876, cases: 400, random =>
        {
            var framework = FrameworkFile.Read(MutateJson(random, json));
            return FrameworkValidator.Validate(framework).Count == 0 ? "valid" : "problems";
        }, ex => ex is FrameworkFormatException, maxAllocatedBytes: 64L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Crosswalk_file_reader()
    {
        var builtIn = BuiltInFrameworks.Province2023;
        var json = CrosswalkFile.ToJson(CrosswalkSuggester.Suggest(builtIn, builtIn));
        var summary = Fuzz.Run("crosswalk-file", seed: 116, cases: 300, random =>
        {
            var crosswalk = CrosswalkFile.Read(MutateJson(random, json));
            return crosswalk.Validate(builtIn, builtIn).Count == 0 ? "valid" : "problems";
        }, ex => ex is FrameworkFormatException, maxAllocatedBytes: 64L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Framework_diff_and_crosswalk_suggestion_of_mutated_frameworks()
    {
        // Mutated files that still read are often invalid (repeated codes, odd trees): the diff and
        // the suggestion must still finish, and comparing a framework with itself must stay empty.
        var builtIn = BuiltInFrameworks.Province2023;
        var json = FrameworkFile.ToJson(builtIn);
        var summary = Fuzz.Run("framework-diff", seed: 2024, cases: 200, random =>
        {
            var framework = FrameworkFile.Read(MutateJson(random, json));
            var diff = FrameworkDiff.Compare(builtIn, framework);
            Assert.True(FrameworkDiff.Compare(framework, framework).IsEmpty);
            var crosswalk = CrosswalkSuggester.Suggest(builtIn, framework);
            Assert.Equal(crosswalk.Entries.Count, CrosswalkFile.Read(CrosswalkFile.ToJson(crosswalk)).Entries.Count);
            return diff.IsEmpty ? "equal" : "different";
        }, ex => ex is FrameworkFormatException, maxAllocatedBytes: 128L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Questionnaire_file_reader()
    {
        var json = QuestionnaireFile.ToJson(SurveyTestData.Questionnaire);
        var summary = Fuzz.Run("questionnaire-file", seed: 1, cases: 600, random =>
        {
            var questionnaire = QuestionnaireFile.Read(MutateJson(random, json));
            return QuestionnaireValidator.Validate(questionnaire, SurveyTestData.Framework).Count == 0 ? "valid" : "problems";
        }, ex => ex is QuestionnaireFormatException, maxAllocatedBytes: 16L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Formula_evaluator()
    {
        string[] names = ["a", "b", "so_vb", "TONG", "x1", "ý", "min", "if"];
        decimal[] values = [0m, 1m, -1m, 0.5m, decimal.MaxValue, decimal.MinValue, 1e-28m, 79228162514264337593543950335m / 3];
        var summary = Fuzz.Run("formula", seed: 7, cases: 1500, random =>
        {
            var text = RandomFormula(random, names);
            if (!FormulaParser.TryParse(text, out var formula, out var error))
            {
                return string.IsNullOrWhiteSpace(error) ? throw new InvalidOperationException("A refusal without a message.") : "refused";
            }

            var variables = formula!.Variables.ToDictionary(v => v, _ => values[random.Next(values.Length)], StringComparer.OrdinalIgnoreCase);
            var result = formula.EvaluateDetailed(variables);
            return result.DividedByZero ? "divided-by-zero" : "evaluated";
        }, ex => ex is FormulaException, maxAllocatedBytes: 4L * 1024 * 1024, perCase: TimeSpan.FromSeconds(5));
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.ContainsKey("evaluated") && summary.Outcomes.ContainsKey("refused"), summary.ToString());
    }

    /// <summary>Line-level mutations of the seed table: drops, duplicates, swaps, truncations, random text, huge lines, odd numbers.</summary>
    private static List<string> MutateLines(Random random, string[] seed)
    {
        var lines = seed.ToList();
        var mutations = 1 + random.Next(6);
        for (var m = 0; m < mutations && lines.Count > 0; m++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]);
                    break;
                case 3:
                    lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                    break;
                case 4:
                    lines.Insert(at, Fuzz.RandomUnicode(random, random.Next(200)));
                    break;
                case 5:
                    lines[at] = lines[at] + new string(random.Next(2) == 0 ? ' ' : '9', 10_000 + random.Next(200_000));
                    break;
                case 6:
                    lines[at] = ReplaceNumbers(random, lines[at]);
                    break;
                case 7:
                    lines.RemoveRange(at, lines.Count - at); // truncated file
                    break;
                default:
                    lines[at] = Fuzz.RandomUnicode(random, 3) + lines[at];
                    break;
            }
        }

        return lines;
    }

    private static string ReplaceNumbers(Random random, string line)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsDigit(line[i]))
            {
                while (i < line.Length && (char.IsDigit(line[i]) || line[i] is ',' or '.'))
                {
                    i++;
                }

                text.Append(Fuzz.RandomNumberText(random));
            }
            else
            {
                text.Append(line[i++]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Mutations of canonical JSON: a value replaced by another JSON type, a huge number or string,
    /// deep nesting or unicode; a key renamed; a bracket dropped; bytes flipped.
    /// </summary>
    private static string MutateJson(Random random, string json)
    {
        var text = new StringBuilder(json);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(8))
            {
                case 0:
                    // Replace the value after the next colon with a value of another kind.
                    var colon = text.ToString().IndexOf(':', at);
                    if (colon >= 0)
                    {
                        var end = colon + 1;
                        while (end < text.Length && text[end] is not (',' or '\n' or '}' or ']'))
                        {
                            end++;
                        }

                        text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, " " + RandomJsonValue(random, 0));
                    }

                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(40)));
                    break;
                case 2:
                    text.Insert(at, "\"" + Fuzz.RandomUnicode(random, random.Next(50)) + "\"");
                    break;
                case 3:
                    text.Insert(at, new string('[', 1 + random.Next(2000)));
                    break;
                case 4:
                    text[at] = "{}[],:\"\\0-e."[random.Next(12)];
                    break;
                case 5:
                    text.Length = at; // truncated
                    break;
                case 6:
                    text.Insert(at, Fuzz.RandomNumberText(random));
                    break;
                default:
                    text.Insert(at, Fuzz.RandomUnicode(random, 1 + random.Next(8)));
                    break;
            }

            if (text.Length == 0)
            {
                break;
            }
        }

        return text.ToString();
    }

    internal static string RandomJsonValue(Random random, int depth) => random.Next(depth > 3 ? 7 : 10) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => Fuzz.RandomNumberText(random) is { Length: > 0 } n && n.All(c => char.IsDigit(c) || c is '-' or '.' or 'e') ? n : "1e400",
        3 => "\"" + Fuzz.RandomUnicode(random, random.Next(30)).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        4 => "\"" + new string('x', random.Next(100_000)) + "\"",
        5 => "\"\\u0000\"",
        6 => random.Next(-5, 5).ToString(CultureInfo.InvariantCulture),
        7 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJsonValue(random, depth + 1))) + "]",
        8 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(i => $"\"k{i}\":" + RandomJsonValue(random, depth + 1))) + "}",
        _ => new string('[', 600) + new string(']', 600),
    };

    /// <summary>A well-formed expression from the formula grammar, with extreme constants and divisions.</summary>
    private static string RandomExpression(Random random, string[] names, int depth)
    {
        string[] operators = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!="];
        string[] constants = ["0", "1", "0.5", "79228162514264337593543950335", "1e28", "0.0000000000000000000000000001", "100", "3"];
        return random.Next(depth > 6 ? 2 : 7) switch
        {
            0 => names[random.Next(names.Length)],
            1 => constants[random.Next(constants.Length)],
            2 or 3 => RandomExpression(random, names, depth + 1) + operators[random.Next(operators.Length)] + RandomExpression(random, names, depth + 1),
            4 => "(" + RandomExpression(random, names, depth + 1) + ")",
            5 => "-" + RandomExpression(random, names, depth + 1),
            _ => random.Next(5) switch
            {
                0 => $"if({RandomExpression(random, names, depth + 1)}, {RandomExpression(random, names, depth + 1)}, {RandomExpression(random, names, depth + 1)})",
                1 => $"round({RandomExpression(random, names, depth + 1)}, {RandomExpression(random, names, depth + 1)})",
                2 => $"abs({RandomExpression(random, names, depth + 1)})",
                3 => $"floor({RandomExpression(random, names, depth + 1)})",
                _ => $"{(random.Next(2) == 0 ? "min" : "max")}({string.Join(",", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => RandomExpression(random, names, depth + 1)))})",
            },
        };
    }

    private static string RandomFormula(Random random, string[] names)
    {
        switch (random.Next(10))
        {
            case 0:
                var depth = random.Next(10, 5000);
                return new string('(', depth) + "1" + new string(')', depth);
            case 1:
                return string.Join("+", Enumerable.Range(0, random.Next(100, 40_000)).Select(i => (i % 7).ToString(CultureInfo.InvariantCulture)));
            case 2:
                return Fuzz.RandomUnicode(random, random.Next(60));
            case 3:
                return "round(a, " + Fuzz.RandomNumberText(random) + ")";
            case 4 or 5 or 6 or 7:
                return RandomExpression(random, names, 0);
            default:
                break;
        }

        // Random token soup, mostly well-formed enough to reach the evaluator.
        string[] operators = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", "<>"];
        string[] functions = ["min", "max", "abs", "round", "floor", "ceiling", "ceil", "if", "sqrt", "pow"];
        var text = new StringBuilder();
        var tokens = 1 + random.Next(40);
        for (var t = 0; t < tokens; t++)
        {
            text.Append(random.Next(12) switch
            {
                0 or 1 => names[random.Next(names.Length)],
                2 or 3 => Fuzz.RandomNumberText(random),
                4 or 5 or 6 => operators[random.Next(operators.Length)],
                7 => functions[random.Next(functions.Length)] + "(",
                8 => "(",
                9 => ")",
                10 => ",",
                _ => random.Next(4) == 0 ? "/0" : " ",
            });
        }

        return text.ToString();
    }
}
