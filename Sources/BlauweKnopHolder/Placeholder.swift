public enum HolderPlaceholder {}
