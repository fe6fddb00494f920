namespace ParIndex.Core.Frameworks;

/// <summary>
/// Maps the codes of one framework version to another (SPEC 2.1), so that year-over-year
/// comparison survives renumbering. Codes not listed map to themselves when they exist in the
/// target; a code mapped to null was dropped.
/// </summary>
public sealed class Crosswalk
{
    private readonly Dictionary<string, string?> map;

    public Crosswalk(string fromFrameworkId, string toFrameworkId, IReadOnlyDictionary<string, string?> codeMap)
    {
        ArgumentNullException.ThrowIfNull(codeMap);
        FromFrameworkId = fromFrameworkId;
        ToFrameworkId = toFrameworkId;
        map = new Dictionary<string, string?>(codeMap, StringComparer.Ordinal);
    }

    public string FromFrameworkId { get; }

    public string ToFrameworkId { get; }

    public IReadOnlyDictionary<string, string?> Map => map;

    /// <summary>An identity crosswalk between two versions with the same codes.</summary>
    public static Crosswalk Identity(Framework from, Framework to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new Crosswalk(from.Id, to.Id, new Dictionary<string, string?>());
    }

    /// <summary>The code in the target framework, or null when the node has no counterpart.</summary>
    public string? Translate(string fromCode, Framework target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (map.TryGetValue(fromCode, out var mapped))
        {
            return mapped is not null && target.Find(mapped) is not null ? mapped : null;
        }

        return target.Find(fromCode) is not null ? fromCode : null;
    }
}
