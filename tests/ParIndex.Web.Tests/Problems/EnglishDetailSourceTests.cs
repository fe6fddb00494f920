using System.Text;
using System.Text.RegularExpressions;

namespace ParIndex.Web.Tests.Problems;

/// <summary>
/// Every refusal a user can get is written in both languages the UI offers (issue #10). A source
/// check: each <c>DomainException.X(…)</c> factory call, <c>new FieldValidationException(…)</c>,
/// <c>new SurveyProblemsException(…)</c>, <c>new SurveyCampaignException(…)</c> and
/// <c>new DomainException(…) { … }</c> in the application, web and data projects must pass an English text too.
/// The arguments are counted by a small C# scanner (strings, interpolation holes, brackets), not by
/// a regular expression, so a comma inside a message does not count as an argument.
/// </summary>
public sealed class EnglishDetailSourceTests
{
    private static readonly Regex Call = new(
        @"\bDomainException\.(?<factory>NotFound|Forbidden|Conflict|Invalid|Locked|TooLarge|UnsupportedType)\(|\bnew\s+(?<type>FieldValidationException|SurveyProblemsException|SurveyCampaignException|DomainException)\(",
        RegexOptions.CultureInvariant);

    private static readonly string[] ScannedProjects = ["src/ParIndex.Application", "src/ParIndex.Web", "src/ParIndex.Data"];

    [Fact]
    public void Every_domain_refusal_in_the_source_passes_an_english_text()
    {
        var root = RepositoryRoot();
        var files = ScannedProjects
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("CampaignService.cs", StringComparison.Ordinal));

        var offenders = new List<string>();
        var calls = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in Call.Matches(text))
            {
                calls++;
                var open = match.Index + match.Length - 1;
                var (arguments, end) = Arguments(text, open);
                if (!HasEnglish(match, arguments, text, end))
                {
                    var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    offenders.Add($"{Path.GetRelativePath(root, file).Replace('\\', '/')}:{line}: {Shorten(text[match.Index..end])}");
                }
            }
        }

        Assert.True(calls > 100, $"Only {calls} calls found: the scan does not see the source.");
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} refusal(s) without an English text (add the English detail as the next argument):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("DomainException.Invalid(\"Sai, rồi.\")", false)]
    [InlineData("DomainException.Invalid($\"Sai {string.Join(\", \", xs)}.\")", false)]
    [InlineData("DomainException.Invalid($\"Sai {string.Join(\", \", xs)}.\", $\"Wrong {string.Join(\", \", xs)}.\")", true)]
    [InlineData("DomainException.NotFound(reason)", false)]
    [InlineData("DomainException.Conflict(reason, english)", true)]
    [InlineData("new FieldValidationException(\"f\", \"Sai (a, b).\")", false)]
    [InlineData("new FieldValidationException(\"f\", \"Sai.\", \"Wrong.\")", true)]
    [InlineData("new SurveyProblemsException(\"Sai.\", problems, english: \"Wrong.\")", true)]
    [InlineData("new SurveyProblemsException(\"Sai.\", problems)", false)]
    [InlineData("new DomainException(ErrorKind.Invalid, \"Sai\", \"Sai.\") { EnglishTitle = \"Wrong\", EnglishDetail = \"Wrong.\" }", true)]
    [InlineData("new DomainException(ErrorKind.Invalid, \"Sai\", \"Sai.\");", false)]
    public void The_scanner_counts_arguments_as_the_compiler_does(string code, bool english)
    {
        var match = Call.Match(code);
        Assert.True(match.Success);
        var (arguments, end) = Arguments(code, match.Index + match.Length - 1);
        Assert.Equal(english, HasEnglish(match, arguments, code, end));
    }

    private static bool HasEnglish(Match match, IReadOnlyList<string> arguments, string text, int end)
    {
        if (arguments.Any(a => a.StartsWith("english:", StringComparison.Ordinal)))
        {
            return true;
        }

        if (match.Groups["factory"].Success)
        {
            return arguments.Count >= 2;
        }

        return match.Groups["type"].Value switch
        {
            "FieldValidationException" or "SurveyCampaignException" => arguments.Count >= 3,
            "SurveyProblemsException" => arguments.Count >= 4,
            // The constructor: the English detail is set in the object initializer that follows.
            _ => InitializerSetsEnglish(text, end),
        };
    }

    private static bool InitializerSetsEnglish(string text, int end)
    {
        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] != '{')
        {
            return false;
        }

        var close = SkipCode(text, i + 1, '}');
        return text[i..close].Contains("EnglishDetail", StringComparison.Ordinal);
    }

    /// <summary>The top-level arguments of the call whose '(' is at <paramref name="open"/>, and the index after its ')'.</summary>
    private static (IReadOnlyList<string> Arguments, int End) Arguments(string text, int open)
    {
        var arguments = new List<string>();
        var start = open + 1;
        var i = open + 1;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '$' or '@' or '\'')
            {
                var after = SkipLiteral(text, i);
                if (after > i)
                {
                    i = after;
                    continue;
                }
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    var last = text[start..i].Trim();
                    if (last.Length > 0 || arguments.Count > 0)
                    {
                        arguments.Add(last);
                    }

                    return (arguments, i + 1);
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[start..i].Trim());
                start = i + 1;
            }

            i++;
        }

        return (arguments, text.Length);
    }

    /// <summary>Skips code up to the <paramref name="close"/> that ends it (strings and brackets nested); returns its index.</summary>
    private static int SkipCode(string text, int i, char close)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '$' or '@' or '\'')
            {
                var after = SkipLiteral(text, i);
                if (after > i)
                {
                    i = after;
                    continue;
                }
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0 && c == close)
                {
                    return i;
                }

                depth--;
            }

            i++;
        }

        return text.Length;
    }

    /// <summary>The index after the string or char literal starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private static int SkipLiteral(string text, int i)
    {
        if (text[i] == '\'')
        {
            var j = i + 1;
            while (j < text.Length && text[j] != '\'')
            {
                j += text[j] == '\\' ? 2 : 1;
            }

            return j + 1;
        }

        var interpolated = false;
        var verbatim = false;
        var j2 = i;
        while (j2 < text.Length && text[j2] is '$' or '@')
        {
            interpolated |= text[j2] == '$';
            verbatim |= text[j2] == '@';
            j2++;
        }

        if (j2 >= text.Length || text[j2] != '"')
        {
            return i;
        }

        j2++;
        while (j2 < text.Length)
        {
            var c = text[j2];
            if (!verbatim && c == '\\')
            {
                j2 += 2;
                continue;
            }

            if (c == '"')
            {
                if (verbatim && j2 + 1 < text.Length && text[j2 + 1] == '"')
                {
                    j2 += 2;
                    continue;
                }

                return j2 + 1;
            }

            if (interpolated && c == '{')
            {
                if (j2 + 1 < text.Length && text[j2 + 1] == '{')
                {
                    j2 += 2;
                    continue;
                }

                j2 = SkipCode(text, j2 + 1, '}') + 1;
                continue;
            }

            j2++;
        }

        return text.Length;
    }

    private static string Shorten(string call)
    {
        var oneLine = new StringBuilder(call.Length);
        foreach (var part in call.Split('\n'))
        {
            oneLine.Append(part.Trim()).Append(' ');
        }

        var text = oneLine.ToString().Trim();
        return text.Length <= 160 ? text : text[..160] + "…";
    }

    /// <summary>The folder holding ParIndex.slnx, found by walking up from the test assembly.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParIndex.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ParIndex.slnx not found above " + AppContext.BaseDirectory);
    }
}
