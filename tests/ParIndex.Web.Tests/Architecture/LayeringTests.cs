using ParIndex.Application;
using ParIndex.Core.Ranking;

namespace ParIndex.Web.Tests.Architecture;

/// <summary>
/// The layers of ADR 0113 on the built assemblies: Core stands alone, the application layer knows
/// no web stack and its feature folders depend one way, and the web app's pages and endpoints
/// reach the database only through use cases.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string CorePath = typeof(BandScheme).Assembly.Location;
    private static readonly string ApplicationPath = typeof(ApplicationServices).Assembly.Location;
    private static readonly string WebPath = typeof(Program).Assembly.Location;

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<TypeUse>>> Core = new(() => TypeReferences.Read(CorePath));
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<TypeUse>>> Application = new(() => TypeReferences.Read(ApplicationPath));
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<TypeUse>>> Web = new(() => TypeReferences.Read(WebPath));

    [Fact]
    public void Core_references_no_other_ParIndex_assembly_nor_EF_Core_nor_ASP_NET_Core()
    {
        var violations = LayerRules.CoreViolations(TypeReferences.AssemblyReferences(CorePath), Core.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_application_layer_uses_no_type_of_the_web_stack()
    {
        var violations = LayerRules.ApplicationWebViolations(TypeReferences.AssemblyReferences(ApplicationPath), Application.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_feature_folders_of_the_application_layer_depend_in_one_direction()
    {
        var violations = LayerRules.FeatureViolations(Application.Value, LayerRules.FeatureOrder);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // Every declared folder holds types, so the order describes the code as it is.
        var folders = Application.Value.Keys.Select(LayerRules.FolderOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(LayerRules.FeatureOrder.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Web_types_outside_hosting_accounts_and_security_do_not_use_the_database_context()
    {
        var violations = LayerRules.WebDatabaseViolations(Web.Value);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_reader_sees_uses_inside_method_bodies_lambdas_and_generic_arguments()
    {
        // QuotaService calls QuotaInput only from method bodies (static calls), never in a signature.
        Assert.Contains(Application.Value["ParIndex.Application.Surveys.QuotaService"], u => u.Type == "ParIndex.Core.Surveys.QuotaInput");
        // DatabaseStartup asks for the context as a generic argument (GetRequiredService<ParIndexDbContext>).
        Assert.Contains(Web.Value["ParIndex.Web.Hosting.DatabaseStartup"], u => u.Type == LayerRules.DbContext);
        // Endpoints call use cases from lambdas (compiler-generated closures charged to the endpoint class).
        Assert.Contains(Web.Value["ParIndex.Web.Campaigns.CampaignEndpoints"], u => u.Type == "ParIndex.Application.Campaigns.CampaignService");
        // The application layer does use Identity, which is allowed.
        Assert.Contains(Application.Value.Values.SelectMany(u => u), u => u.Namespace == "Microsoft.AspNetCore.Identity");
    }

    private static Dictionary<string, IReadOnlySet<TypeUse>> Graph(params (string Type, string[] Uses)[] types) =>
        types.ToDictionary(t => t.Type, t => (IReadOnlySet<TypeUse>)t.Uses.Select(u => new TypeUse("X", u)).ToHashSet(), StringComparer.Ordinal);

    [Fact]
    public void A_lower_folder_using_a_higher_one_is_reported_as_a_cycle_risk()
    {
        var graph = Graph(
            ("ParIndex.Application.Workflow.AssessmentWorkflow", ["ParIndex.Application.Appraisal.AppraisalService", "ParIndex.Application.Frameworks.FrameworkCache"]),
            ("ParIndex.Application.Appraisal.AppraisalService", ["ParIndex.Application.Workflow.AssessmentWorkflow", "ParIndex.Application.Appraisal.AppraisalView"]));
        var violation = Assert.Single(LayerRules.FeatureViolations(graph, LayerRules.FeatureOrder));
        Assert.Equal("ParIndex.Application.Workflow.AssessmentWorkflow (Workflow) uses ParIndex.Application.Appraisal.AppraisalService (Appraisal), which comes after it", violation);
    }

    [Fact]
    public void A_folder_missing_from_the_order_is_reported_and_the_root_namespace_is_free()
    {
        var graph = Graph(
            ("ParIndex.Application.Reports.Thing", ["ParIndex.Application.Problems.DomainException"]),
            ("ParIndex.Application.Surveys.Importer", ["ParIndex.Application.Reports.Thing"]),
            ("ParIndex.Application.ApplicationServices", ["ParIndex.Application.Demo.DemoSeeder", "ParIndex.Application.Problems.DomainException"]),
            ("ParIndex.Web.Page", ["ParIndex.Application.Demo.DemoSeeder"]));
        var violations = LayerRules.FeatureViolations(graph, LayerRules.FeatureOrder);
        Assert.Equal(2, violations.Count);
        Assert.Contains("ParIndex.Application.Reports.Thing: the folder Reports is not in the declared feature order", violations);
        Assert.Contains(violations, v => v.StartsWith("ParIndex.Application.Surveys.Importer (Surveys) uses ParIndex.Application.Reports.Thing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_or_endpoint_using_the_database_context_is_reported_hosting_is_not()
    {
        var graph = Graph(
            ("ParIndex.Web.Components.Pages.Results", [LayerRules.DbContext]),
            ("ParIndex.Web.Hosting.DatabaseStartup", [LayerRules.DbContext]),
            ("ParIndex.Web.Accounts.DbTicketStore", [LayerRules.DbContext]),
            ("ParIndex.Web.HostingExtras.Thing", [LayerRules.DbContext]),
            ("Program", [LayerRules.DbContext]));
        var violations = LayerRules.WebDatabaseViolations(graph);
        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("ParIndex.Web.Components.Pages.Results uses", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("ParIndex.Web.HostingExtras.Thing uses", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Program uses", StringComparison.Ordinal));
    }

    [Fact]
    public void The_web_stack_in_the_application_layer_is_reported_Identity_is_not()
    {
        var graph = Graph(
            ("ParIndex.Application.Assessments.AssessmentService", ["Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore.Identity.UserManager`1"]),
            ("ParIndex.Application.Results.ResultsService", ["Microsoft.AspNetCore.Mvc.ProblemDetails", "Microsoft.AspNetCore.Http.Features.IFeatureCollection"]),
            ("ParIndex.Application.Surveys.QuotaService", ["Microsoft.AspNetCore.HttpsPolicy.Options"]));
        var violations = LayerRules.ApplicationWebViolations(["ParIndex.Core", "ParIndex.Web"], graph);
        Assert.Equal(
            [
                "ParIndex.Application references the host assembly ParIndex.Web",
                "ParIndex.Application.Assessments.AssessmentService uses Microsoft.AspNetCore.Http.HttpContext (X)",
                "ParIndex.Application.Results.ResultsService uses Microsoft.AspNetCore.Http.Features.IFeatureCollection (X)",
                "ParIndex.Application.Results.ResultsService uses Microsoft.AspNetCore.Mvc.ProblemDetails (X)",
            ],
            violations);
    }

    [Fact]
    public void Core_referencing_data_EF_or_ASP_NET_is_reported()
    {
        var graph = new Dictionary<string, IReadOnlySet<TypeUse>>(StringComparer.Ordinal)
        {
            ["ParIndex.Core.Scoring.X"] = new HashSet<TypeUse> { new("ParIndex.Data", "ParIndex.Data.Assessments.LeafEntry"), new("System.Runtime", "System.String") },
            ["ParIndex.Core.Scoring.Y"] = new HashSet<TypeUse> { new("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.DbContext") },
            ["ParIndex.Core.Scoring.Z"] = new HashSet<TypeUse> { new("ParIndex.Core", "ParIndex.Core.Ranking.BandScheme") },
        };
        var violations = LayerRules.CoreViolations(["System.Runtime", "ParIndex.Data", "Microsoft.AspNetCore.Http.Abstractions"], graph);
        Assert.Equal(
            [
                "ParIndex.Core references the assembly ParIndex.Data",
                "ParIndex.Core references the assembly Microsoft.AspNetCore.Http.Abstractions",
                "ParIndex.Core.Scoring.X uses ParIndex.Data.Assessments.LeafEntry (ParIndex.Data)",
                "ParIndex.Core.Scoring.Y uses Microsoft.EntityFrameworkCore.DbContext (Microsoft.EntityFrameworkCore)",
            ],
            violations);
    }
}
