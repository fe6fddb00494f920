using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ParIndex.Web.Tests.Architecture;

/// <summary>A type another type uses: its assembly (scope) and full name (namespace included).</summary>
public sealed record TypeUse(string Assembly, string Type)
{
    public string Namespace => Type.LastIndexOf('.') is var dot and > 0 ? Type[..dot] : "";
}

/// <summary>
/// Reads which types each type of an assembly uses, from its metadata and IL (Mono.Cecil): base
/// types, interfaces, attributes, fields, properties, method signatures, locals, and every type,
/// method and field a method body touches, generic arguments included. Compiler-generated nested
/// types (lambdas, async state machines) count for the type that declares them, so a query in a
/// lambda is charged to the page or endpoint that wrote it.
/// </summary>
public static class TypeReferences
{
    public static IReadOnlyDictionary<string, IReadOnlySet<TypeUse>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });
        var graph = new Dictionary<string, HashSet<TypeUse>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            var uses = new HashSet<TypeUse>();
            Collect(type, uses);
            graph[Outer(type).FullName] = uses;
        }

        return graph.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<TypeUse>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The names of the assemblies an assembly references.</summary>
    public static IReadOnlyList<string> AssemblyReferences(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return module.AssemblyReferences.Select(a => a.Name).ToList();
    }

    private static TypeDefinition Outer(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static void Collect(TypeDefinition type, HashSet<TypeUse> uses)
    {
        Add(type.BaseType, uses);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType, uses);
        }

        Attributes(type.CustomAttributes, uses);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, uses);
            Attributes(field.CustomAttributes, uses);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, uses);
            Attributes(property.CustomAttributes, uses);
        }

        foreach (var method in type.Methods)
        {
            Method(method, uses);
            Attributes(method.CustomAttributes, uses);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                Add(local.VariableType, uses);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction, uses);
            }
        }

        foreach (var nested in type.NestedTypes)
        {
            Collect(nested, uses);
        }
    }

    private static void Operand(Instruction instruction, HashSet<TypeUse> uses)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                Add(t, uses);
                break;
            case MethodReference m:
                Method(m, uses);
                break;
            case FieldReference f:
                Add(f.DeclaringType, uses);
                Add(f.FieldType, uses);
                break;
        }
    }

    private static void Method(MethodReference method, HashSet<TypeUse> uses)
    {
        Add(method.DeclaringType, uses);
        Add(method.ReturnType, uses);
        foreach (var parameter in method.Parameters)
        {
            Add(parameter.ParameterType, uses);
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Add(argument, uses);
            }
        }
    }

    private static void Attributes(IEnumerable<CustomAttribute> attributes, HashSet<TypeUse> uses)
    {
        foreach (var attribute in attributes)
        {
            Add(attribute.AttributeType, uses);
        }
    }

    private static void Add(TypeReference? type, HashSet<TypeUse> uses)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, uses);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, uses);
                }

                return;
            case TypeSpecification spec: // arrays, pointers, by-ref, modifiers
                Add(spec.ElementType, uses);
                return;
        }

        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        uses.Add(new TypeUse(Scope(outer), outer.FullName));
    }

    private static string Scope(TypeReference type) => type.Scope switch
    {
        AssemblyNameReference a => a.Name,
        ModuleDefinition m => m.Assembly.Name.Name,
        var other => other?.Name ?? "",
    };
}
