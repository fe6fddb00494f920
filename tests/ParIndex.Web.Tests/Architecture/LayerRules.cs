namespace ParIndex.Web.Tests.Architecture;

/// <summary>
/// The layering of ADR 0113 as checks over a type-use graph (type → the types it uses). Pure
/// functions, so the checks are tested on deliberately bad graphs as well as run on the real
/// assemblies.
/// </summary>
public static class LayerRules
{
    /// <summary>The feature folders of ParIndex.Application, lowest first: a folder uses only folders before it (or itself).</summary>
    public static readonly IReadOnlyList<string> FeatureOrder =
    [
        "Problems", "Accounts", "Frameworks", "Crosswalks", "Workflow", "Campaigns", "Assessments", "Appraisal",
        "Evidence", "Results", "Surveys", "Documents", "Signing", "Admin", "Demo", "Notifications",
    ];

    public const string ApplicationRoot = "ParIndex.Application";

    /// <summary>Namespaces of the ASP.NET Core web stack that the application layer must not touch.</summary>
    public static readonly IReadOnlyList<string> WebStack =
    [
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Antiforgery", "Microsoft.AspNetCore.Authentication",
    ];

    /// <summary>The web namespaces allowed to use the database context directly: hosting, accounts, security.</summary>
    public static readonly IReadOnlyList<string> WebDatabaseNamespaces = ["ParIndex.Web.Hosting", "ParIndex.Web.Accounts", "ParIndex.Web.Security"];

    public const string DbContext = "ParIndex.Data.ParIndexDbContext";

    /// <summary>Core stands alone: no other ParIndex assembly, no EF Core, no ASP.NET Core.</summary>
    public static IReadOnlyList<string> CoreViolations(IEnumerable<string> referencedAssemblies, IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> graph)
    {
        static bool Forbidden(string assembly) =>
            (assembly.StartsWith("ParIndex.", StringComparison.Ordinal) && assembly != "ParIndex.Core")
            || assembly.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.Extensions.Identity", StringComparison.Ordinal);

        return referencedAssemblies.Where(Forbidden).Select(a => $"ParIndex.Core references the assembly {a}")
            .Concat(Uses(graph, (_, use) => Forbidden(use.Assembly) || InAny(use.Namespace, ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"])))
            .ToList();
    }

    /// <summary>The application layer uses no type of the web stack (Identity's managers are allowed).</summary>
    public static IReadOnlyList<string> ApplicationWebViolations(IEnumerable<string> referencedAssemblies, IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> graph) =>
        referencedAssemblies.Where(a => a is "ParIndex.Web" or "ParIndex.Cli").Select(a => $"ParIndex.Application references the host assembly {a}")
            .Concat(Uses(graph, (_, use) => InAny(use.Namespace, WebStack)))
            .ToList();

    /// <summary>
    /// A feature folder uses only itself and the folders before it in <see cref="FeatureOrder"/>;
    /// a type in a folder that is not declared is a violation too (declare it in the order first).
    /// The root namespace (the service registration) may use every folder.
    /// </summary>
    public static IReadOnlyList<string> FeatureViolations(IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> graph, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var violations = new List<string>();
        foreach (var (type, uses) in graph.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (FolderOf(type) is not { } folder)
            {
                continue; // the root namespace, or not the application layer
            }

            var rank = IndexOf(order, folder);
            if (rank < 0)
            {
                violations.Add($"{type}: the folder {folder} is not in the declared feature order");
                continue;
            }

            foreach (var use in uses.OrderBy(u => u.Type, StringComparer.Ordinal))
            {
                if (FolderOf(use.Type) is { } used && used != folder && IndexOf(order, used) is var usedRank && (usedRank < 0 || usedRank > rank))
                {
                    violations.Add($"{type} ({folder}) uses {use.Type} ({used}), which comes after it");
                }
            }
        }

        return violations;
    }

    /// <summary>Web types outside hosting, accounts and security do not use the database context: they call use cases.</summary>
    public static IReadOnlyList<string> WebDatabaseViolations(IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> graph) =>
        Uses(graph, (type, use) => use.Type == DbContext && !InAny(NamespaceOf(type), WebDatabaseNamespaces)).ToList();

    /// <summary>The feature folder of a type of the application layer (<c>ParIndex.Application.Surveys.X</c> → Surveys), or null.</summary>
    public static string? FolderOf(string type)
    {
        var ns = NamespaceOf(type);
        if (!ns.StartsWith(ApplicationRoot + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(ApplicationRoot.Length + 1)..];
        return rest.Split('.')[0];
    }

    private static string NamespaceOf(string type) => type.LastIndexOf('.') is var dot and > 0 ? type[..dot] : "";

    private static int IndexOf(IReadOnlyList<string> order, string folder)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == folder)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool InAny(string ns, IEnumerable<string> prefixes) =>
        prefixes.Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal));

    private static IEnumerable<string> Uses(IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> graph, Func<string, TypeUse, bool> forbidden) =>
        graph.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Where(u => forbidden(kv.Key, u)).OrderBy(u => u.Type, StringComparer.Ordinal).Select(u => $"{kv.Key} uses {u.Type} ({u.Assembly})"));
}
