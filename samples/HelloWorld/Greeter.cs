namespace HelloWorld;

/// <summary>Makes greetings; a singleton shared by warm invocations.</summary>
public interface IGreeter
{
    string Greet(string name);
}

/// <summary>The default greeter.</summary>
public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"Hello, {name}!";
}
