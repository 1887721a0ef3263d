import TallyCore
print(TallyVersion.current)
